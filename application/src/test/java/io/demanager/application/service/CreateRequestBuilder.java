package io.demanager.application.service;

import io.demanager.application.port.in.Principal;
import io.demanager.testkit.Principals;
import io.demanager.application.port.in.CreateInstanceCommand;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.instance.InstanceCreation;
import io.demanager.domain.instance.Storage;
import io.demanager.testkit.InstanceBuilder;
import io.demanager.testkit.SampleCatalog;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** A valid create request (a CPU notebook on an OBS folder), with whatever a test changes. */
final class CreateRequestBuilder {

    private String name = "notebook";
    private Option<String> description = Option.none();
    private String profileId = SampleCatalog.CPU_PROFILE.id();
    private String flavorName = SampleCatalog.CPU.name();
    private Storage.Request storage = obs("/bucket/work/");
    private AutoStopChange autoStop = AutoStopChange.NONE;

    static CreateRequestBuilder aRequest() {
        return new CreateRequestBuilder();
    }

    static Storage.Request obs(String path) {
        return new Storage.Request(Option.some("obs"), Option.some(path), Option.none(), Option.none(), Option.none());
    }

    static Storage.Request storage(String type, Option<Integer> volumeSizeGb) {
        return new Storage.Request(Option.some(type), Option.none(), volumeSizeGb, Option.none(), Option.none());
    }

    CreateRequestBuilder name(String value) {
        name = value;
        return this;
    }

    CreateRequestBuilder description(String value) {
        description = Option.some(value);
        return this;
    }

    CreateRequestBuilder profile(Profile value) {
        return profileId(value.id());
    }

    CreateRequestBuilder profileId(String value) {
        profileId = value;
        return this;
    }

    CreateRequestBuilder flavor(Flavor value) {
        return flavorName(value.name());
    }

    CreateRequestBuilder flavorName(String value) {
        flavorName = value;
        return this;
    }

    CreateRequestBuilder storage(Storage.Request value) {
        storage = value;
        return this;
    }

    CreateRequestBuilder autoStop(AutoStopChange value) {
        autoStop = value;
        return this;
    }

    CreateInstanceCommand command() {
        return commandBy(Principals.MEMBER);
    }

    /** The request of {@code principal}, who owns what it creates. */
    CreateInstanceCommand commandBy(Principal principal) {
        return new CreateInstanceCommand(principal, new InstanceCreation.Request(InstanceBuilder.PROJECT, principal.user(), name, description,
                profileId, flavorName, storage, List.empty(), autoStop, Option.none(), Option.none(), Option.none(),
                Option.none(), LinkedHashMap.empty()));
    }
}
