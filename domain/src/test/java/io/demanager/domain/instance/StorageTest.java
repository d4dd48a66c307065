package io.demanager.domain.instance;

import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.demanager.domain.Fixtures.evs;
import static io.demanager.domain.Fixtures.obs;
import static io.demanager.domain.Fixtures.obsfs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The storage rules of spec section 3, with the field the errors name. */
class StorageTest {

    private static final String FIELD = "spec.storage";

    @ParameterizedTest
    @ValueSource(strings = {"/bucket/folder/", "obs://bucket/folder/", "/bucket/folder/sub/", "bucket/folder/"})
    void anObsFolderInsideABucketIsStorage(String path) {
        Storage storage = Storage.of(obs(path), FIELD, false).get();

        assertThat(storage.type()).isEqualTo(StorageType.OBS);
        assertThat(storage.path()).containsExactly(path);
    }

    @Test
    void anObsStorageNeedsAPath() {
        var noPath = new Storage.Request(Option.some("obs"), Option.none(), Option.none(), Option.none(), Option.none());

        DomainError refused = Storage.of(noPath, FIELD, false).getLeft();

        assertThat(refused.code().code()).isEqualTo("ModelArts.6335");
        assertThat(refused.message()).isEqualTo("'spec.storage.location.path' is a required property.");
    }

    @Test
    void anObsPathEndsWithASlash() {
        DomainError refused = Storage.of(obs("/bucket/folder"), FIELD, false).getLeft();

        assertThat(refused).isEqualTo(new DomainError.PathMustEndWithSlash("spec.storage.location.path"));
        assertThat(refused.message()).isEqualTo("The param 'path' needs to end with /.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bucket/", "obs://bucket/", "bucket/", "/", "//bucket//"})
    void anObsPathIsNotTheRootOfABucket(String path) {
        DomainError refused = Storage.of(obs(path), FIELD, false).getLeft();

        assertThat(refused.code().code()).isEqualTo("ModelArts.6358");
        assertThat(refused.message()).isEqualTo("The path cannot be the root directory of a bucket.");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 100, 4096})
    void anEvsDiskIsFiveTo4096Gigabytes(int size) {
        assertThat(Storage.of(evs(Option.some(size)), FIELD, false).get().volumeSizeGb()).containsExactly(size);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 4097, 0, -5})
    void anEvsDiskOutsideThatRangeIsRefused(int size) {
        DomainError refused = Storage.of(evs(Option.some(size)), FIELD, false).getLeft();

        assertThat(refused).isEqualTo(new DomainError.EvsVolumeSizeOutOfRange(size));
        assertThat(refused.code().code()).isEqualTo("ModelArts.6331");
    }

    @Test
    void anEvsDiskIsFiveGigabytesByDefault() {
        assertThat(Storage.of(evs(Option.none()), FIELD, false).get().volumeSizeGb()).containsExactly(5);
    }

    @Test
    void obsfsIsOnlyForADedicatedPool() {
        DomainError refused = Storage.of(obsfs("parallel-fs"), FIELD, false).getLeft();

        assertThat(refused.code().code()).isEqualTo("ModelArts.6336");
        assertThat(refused.message()).isEqualTo("'spec.storage.type' property value is incorrect.");
    }

    @Test
    void obsfsInADedicatedPoolMountsReadWriteUnderTheWorkDirectoryByDefault() {
        Storage storage = Storage.of(obsfs("parallel-fs"), FIELD, true).get();

        assertThat(storage.mountPath()).containsExactly("/home/ma-user/work");
        assertThat(storage.accessMode()).containsExactly(Storage.AccessMode.ReadWriteMany);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/home/ma-user", "/etc", "/home/ma-user/work/../../root", "/home/ma-user/workshop"})
    void obsfsMountsOnlyUnderTheWorkDirectory(String mountPath) {
        var request = new Storage.Request(Option.some("obsfs"), Option.some("parallel-fs"), Option.none(),
                Option.some(mountPath), Option.none());

        assertThat(Storage.of(request, FIELD, true).getLeft())
                .isEqualTo(new DomainError.IncorrectValue("spec.storage.location.mount_path"));
    }

    @Test
    void obsfsAccessModeIsOneOfTheDocumentedOnes() {
        var request = new Storage.Request(Option.some("obsfs"), Option.some("parallel-fs"), Option.none(),
                Option.none(), Option.some("WriteOnly"));

        assertThat(Storage.of(request, FIELD, true).getLeft())
                .isEqualTo(new DomainError.IncorrectValue("spec.storage.location.access_modes"));
    }

    @Test
    void theTypeIsRequiredAndOneOfTheDocumentedOnes() {
        var noType = new Storage.Request(Option.none(), Option.some("/bucket/folder/"), Option.none(), Option.none(), Option.none());
        var efs = new Storage.Request(Option.some("efs"), Option.some("/bucket/folder/"), Option.none(), Option.none(), Option.none());

        assertThat(Storage.of(noType, FIELD, false).getLeft()).isEqualTo(new DomainError.RequiredProperty("spec.storage.type"));
        assertThat(Storage.of(efs, FIELD, false).getLeft()).isEqualTo(new DomainError.IncorrectValue("spec.storage.type"));
    }

    @Test
    void aStorageThatBreaksTheRulesCannotBeBuilt() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Storage(StorageType.OBS, Option.some("/bucket/"), Option.none(), Option.none(), Option.none()));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Storage(StorageType.OBS, Option.some("/bucket/folder"), Option.none(), Option.none(), Option.none()));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Storage(StorageType.EVS, Option.none(), Option.some(4097), Option.none(), Option.none()));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Storage(StorageType.EVS, Option.some("/bucket/folder/"), Option.some(5), Option.none(), Option.none()));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Storage(StorageType.OBSFS, Option.some("parallel-fs"), Option.none(), Option.some("/etc"),
                        Option.some(Storage.AccessMode.ReadOnlyMany)));
    }
}
