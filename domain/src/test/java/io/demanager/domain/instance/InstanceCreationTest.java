package io.demanager.domain.instance;

import io.demanager.domain.autostop.AutoStopChange;
import io.demanager.domain.autostop.AutoStopPolicy;
import io.demanager.domain.autostop.AutoStopSettings;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.InstanceAttribute;
import io.demanager.domain.error.StorageAttribute.Part;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.demanager.domain.Fixtures.CPU_PROFILE;
import static io.demanager.domain.Fixtures.DEDICATED_POOL;
import static io.demanager.domain.Fixtures.FREE_CPU;
import static io.demanager.domain.Fixtures.GPU_PROFILE;
import static io.demanager.domain.Fixtures.INSTANCE_ID;
import static io.demanager.domain.Fixtures.NOW;
import static io.demanager.domain.Fixtures.OBS_ONLY_CPU;
import static io.demanager.domain.Fixtures.PAID_CPU;
import static io.demanager.domain.Fixtures.PAID_GPU;
import static io.demanager.domain.Fixtures.SOLD_OUT_CPU;
import static io.demanager.domain.Fixtures.creationRequest;
import static io.demanager.domain.Fixtures.evs;
import static io.demanager.domain.Fixtures.extendedStorage;
import static io.demanager.domain.Fixtures.mainStorage;
import static io.demanager.domain.Fixtures.obs;
import static io.demanager.domain.Fixtures.obsfs;
import static org.assertj.core.api.Assertions.assertThat;

class InstanceCreationTest {

    @Test
    void aValidRequestCreatesAnInstanceWithTheDocumentedDefaults() {
        Instance created = creationRequest().create().get();

        assertThat(created.id()).isEqualTo(INSTANCE_ID);
        assertThat(created.status()).isEqualTo(InstanceStatus.CREATING);
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(created.updatedAt()).isEqualTo(NOW);
        assertThat(created.description()).isEqualTo(Description.EMPTY);
        assertThat(created.profile()).isEqualTo(CPU_PROFILE);
        assertThat(created.flavor()).isEqualTo(PAID_CPU);
        assertThat(created.autoStop()).isEqualTo(AutoStopSettings.DISABLED);
        assertThat(created.workspaceId().value()).isEqualTo("0");
        assertThat(created.aiProjectId().value()).isEqualTo("default-ai-project");
        assertThat(created.lease()).isEmpty();
        assertThat(created.queuedSince()).isEmpty();
        assertThat(created.version()).isZero();
    }

    @Test
    void aFreeFlavorWithNoRoomLeftQueuesTheCreation() {
        Instance queued = creationRequest().flavor(FREE_CPU.name()).create(false, AutoStopPolicy.DEFAULT).get();

        assertThat(queued.status()).isEqualTo(InstanceStatus.CREATE_QUEUING);
        assertThat(queued.queuedSince()).containsExactly(NOW);
    }

    @Test
    void aPaidFlavorIgnoresFreeCapacity() {
        assertThat(creationRequest().create(false, AutoStopPolicy.DEFAULT).get().status()).isEqualTo(InstanceStatus.CREATING);
    }

    @Test
    void theFirstBrokenRuleInTheDocumentedOrderIsTheAnswer() {
        DomainError refused = creationRequest().name("bad name").description("<b>").flavor("no-such-flavor").create().getLeft();

        assertThat(refused).isEqualTo(new DomainError.CharacterNotAllowed(InstanceAttribute.NAME, ' '));
        assertThat(creationRequest().description("<b>").flavor("no-such-flavor").create().getLeft())
                .isEqualTo(new DomainError.CharacterNotAllowed(InstanceAttribute.DESCRIPTION, '<'));
    }

    @Test
    void theNameAndDescriptionRulesHoldOnCreate() {
        assertThat(creationRequest().name(null).create().getLeft())
                .isEqualTo(new DomainError.RequiredProperty(InstanceAttribute.NAME));
        assertThat(creationRequest().name("n".repeat(65)).create().getLeft())
                .isEqualTo(new DomainError.IncorrectValue(InstanceAttribute.NAME));
        assertThat(creationRequest().description("d".repeat(513)).create().getLeft())
                .isEqualTo(new DomainError.IncorrectValue(InstanceAttribute.DESCRIPTION));
        assertThat(creationRequest().description("update notebook").create().get().description().value())
                .isEqualTo("update notebook");
    }

    @Test
    void theProfileIsRequiredAndFromTheCatalog() {
        DomainError missing = creationRequest().profileId(null).create().getLeft();
        DomainError unknown = creationRequest().profileId("Python2").create().getLeft();

        assertThat(missing).isInstanceOf(DomainError.RequiredProperty.class);
        assertThat(missing).isEqualTo(new DomainError.RequiredProperty(InstanceAttribute.PROFILE));
        assertThat(unknown).isInstanceOf(DomainError.IncorrectValue.class);
        assertThat(unknown).isEqualTo(new DomainError.IncorrectValue(InstanceAttribute.PROFILE));
    }

    @Test
    void theFlavorIsRequiredFromTheCatalogAndOnSale() {
        assertThat(creationRequest().flavor(null).create().getLeft())
                .isEqualTo(new DomainError.RequiredProperty(InstanceAttribute.FLAVOR));
        assertThat(creationRequest().flavor("modelarts.vm.cpu.64u").create().getLeft())
                .isEqualTo(new DomainError.FlavorNotSupported("modelarts.vm.cpu.64u"));
        assertThat(creationRequest().flavor("modelarts.vm.cpu.64u").create().getLeft()).isInstanceOf(DomainError.FlavorNotSupported.class);
        assertThat(creationRequest().flavor(SOLD_OUT_CPU.name()).create().getLeft()).isInstanceOf(DomainError.FlavorSoldOut.class);
    }

    @Test
    void theProfileRunsOnTheFlavorsHardware() {
        DomainError refused = creationRequest().profileId(CPU_PROFILE.id()).flavor(PAID_GPU.name()).create().getLeft();

        assertThat(refused).isEqualTo(new DomainError.ProfileDoesNotMatchFlavor(CPU_PROFILE.id(), PAID_GPU.name()));
        assertThat(refused).isInstanceOf(DomainError.ProfileDoesNotMatchFlavor.class);
        assertThat(creationRequest().profileId(GPU_PROFILE.id()).flavor(PAID_GPU.name()).create().isRight()).isTrue();
    }

    @Test
    void theStorageRulesNameTheStorageField() {
        assertThat(creationRequest().storage(obs("/bucket/")).create().getLeft()).isInstanceOf(DomainError.BucketRootNotAllowed.class);
        assertThat(creationRequest().storage(obs("/bucket/folder")).create().getLeft())
                .isEqualTo(new DomainError.PathMustEndWithSlash(mainStorage(Part.PATH)));
        assertThat(creationRequest().storage(evs(Option.none())).create().get().spec().storage().volumeSizeGb())
                .containsExactly(5);
    }

    @Test
    void aStorageTypeTheFlavorDoesNotOfferIsRefused() {
        DomainError refused = creationRequest().flavor(OBS_ONLY_CPU.name()).storage(evs(Option.some(10))).create().getLeft();

        assertThat(refused).isEqualTo(new DomainError.IncorrectValue(mainStorage(Part.TYPE)));
        assertThat(creationRequest().flavor(OBS_ONLY_CPU.name()).create().isRight()).isTrue();
    }

    @Test
    void obsfsStorageNeedsADedicatedPool() {
        assertThat(creationRequest().storage(obsfs("parallel-fs")).create().getLeft())
                .isEqualTo(new DomainError.IncorrectValue(mainStorage(Part.TYPE)));

        Instance inPool = creationRequest().inDedicatedPool().storage(obsfs("parallel-fs")).create().get();

        assertThat(inPool.pool()).containsExactly(DEDICATED_POOL);
        assertThat(inPool.spec().storage().path()).containsExactly("parallel-fs");
    }

    @Test
    void extendedStorageIsObsfsInADedicatedPool() {
        Instance created = creationRequest().inDedicatedPool().extendStorage(obsfs("fs-one"), obsfs("fs-two")).create().get();

        assertThat(created.spec().extendStorage().map(storage -> storage.path().get())).containsExactly("fs-one", "fs-two");
    }

    @Test
    void extendedStorageErrorsNameTheirIndex() {
        var noPath = new Storage.Request(Option.some("obsfs"), Option.none(), Option.none(), Option.none(), Option.none());

        assertThat(creationRequest().inDedicatedPool().extendStorage(obsfs("fs-one"), noPath).create().getLeft())
                .isEqualTo(new DomainError.RequiredProperty(extendedStorage(1, Part.PATH)));
        assertThat(creationRequest().inDedicatedPool().extendStorage(obs("/bucket/folder/")).create().getLeft())
                .isEqualTo(new DomainError.IncorrectValue(extendedStorage(0, Part.TYPE)));
        assertThat(creationRequest().extendStorage(obsfs("fs-one")).create().getLeft())
                .isEqualTo(new DomainError.IncorrectValue(extendedStorage(0, Part.TYPE)));
    }

    @Test
    void aFreeFlavorHasAutoStopForcedOnWithItsDuration() {
        Instance created = creationRequest().flavor(FREE_CPU.name()).create().get();

        assertThat(created.autoStop()).isEqualTo(new AutoStopSettings(true, Option.some(Duration.ofSeconds(3_600)), true));
    }

    @Test
    void theAutoStopRulesHoldOnCreate() {
        var disable = new AutoStopChange(Option.some(false), Option.none(), Option.none());
        var tooLong = new AutoStopChange(Option.none(), Option.some(7_200L), Option.none());
        var enableWithoutDuration = new AutoStopChange(Option.some(true), Option.none(), Option.none());
        var quietTwoHours = new AutoStopChange(Option.some(true), Option.some(7_200L), Option.some(false));

        assertThat(creationRequest().flavor(FREE_CPU.name()).autoStop(disable).create().getLeft())
                .isEqualTo(new DomainError.IncorrectValue(InstanceAttribute.AUTO_STOP_ENABLED));
        assertThat(creationRequest().flavor(FREE_CPU.name()).autoStop(tooLong).create().getLeft())
                .isEqualTo(new DomainError.DurationOutOfRange(3_600, 3_600));
        assertThat(creationRequest().autoStop(enableWithoutDuration).create().getLeft())
                .isEqualTo(new DomainError.DurationRequired());
        assertThat(creationRequest().autoStop(quietTwoHours).create().get().autoStop())
                .isEqualTo(new AutoStopSettings(true, Option.some(Duration.ofHours(2)), false));
    }
}
