package io.demanager.bootstrap;

import io.demanager.testkit.Principals;
import io.demanager.application.port.in.CreateInstanceCommand;
import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.instance.InstanceCreation;
import io.demanager.domain.instance.Storage;
import io.demanager.testkit.InstanceBuilder;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** Valid create requests of a CPU notebook of the default catalog (profile {@code Python3}) on an OBS folder. */
public final class CreateRequests {

    public static final String PAID_CPU = "modelarts.vm.cpu.2u";
    public static final String PROFILE = "Python3";

    private CreateRequests() {
    }

    public static CreateInstanceCommand create(String name, String flavor) {
        return create(name, flavor, AutoStopChange.NONE);
    }

    public static CreateInstanceCommand create(String name, String flavor, AutoStopChange autoStop) {
        var storage = new Storage.Request(Option.some("obs"), Option.some("/bucket/work/"), Option.none(), Option.none(), Option.none());
        return new CreateInstanceCommand(Principals.MEMBER, new InstanceCreation.Request(InstanceBuilder.PROJECT, InstanceBuilder.OWNER, name,
                Option.none(), PROFILE, flavor, storage, List.empty(), autoStop, Option.none(), Option.none(), Option.none(),
                Option.none(), LinkedHashMap.empty()));
    }
}
