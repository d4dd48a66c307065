package io.demanager.domain.instance;

import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.StorageAttribute.Part;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.demanager.domain.Fixtures.evs;
import static io.demanager.domain.Fixtures.mainStorage;
import static io.demanager.domain.Fixtures.obs;
import static io.demanager.domain.Fixtures.obsfs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The storage rules of section 3 of docs/devenviron-api.md, with the attribute the errors name. */
class StorageTest {

    private static final Option<Integer> MAIN = Option.none();

    @ParameterizedTest
    @ValueSource(strings = {"/bucket/folder/", "obs://bucket/folder/", "/bucket/folder/sub/", "bucket/folder/"})
    void anObsFolderInsideABucketIsStorage(String path) {
        Storage storage = Storage.of(obs(path), MAIN, false).get();

        assertThat(storage.type()).isEqualTo(StorageType.OBS);
        assertThat(storage.path()).containsExactly(path);
    }

    @Test
    void anObsStorageNeedsAPath() {
        var noPath = new Storage.Request(Option.some("obs"), Option.none(), Option.none(), Option.none(), Option.none());

        DomainError refused = Storage.of(noPath, MAIN, false).getLeft();

        assertThat(refused).isInstanceOf(DomainError.RequiredProperty.class);
        assertThat(refused).isEqualTo(new DomainError.RequiredProperty(mainStorage(Part.PATH)));
    }

    @Test
    void anObsPathEndsWithASlash() {
        DomainError refused = Storage.of(obs("/bucket/folder"), MAIN, false).getLeft();

        assertThat(refused).isEqualTo(new DomainError.PathMustEndWithSlash(mainStorage(Part.PATH)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bucket/", "obs://bucket/", "bucket/", "/", "//bucket//"})
    void anObsPathIsNotTheRootOfABucket(String path) {
        DomainError refused = Storage.of(obs(path), MAIN, false).getLeft();

        assertThat(refused).isEqualTo(new DomainError.BucketRootNotAllowed(path));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 100, 4096})
    void anEvsDiskIsFiveTo4096Gigabytes(int size) {
        assertThat(Storage.of(evs(Option.some(size)), MAIN, false).get().volumeSizeGb()).containsExactly(size);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 4097, 0, -5})
    void anEvsDiskOutsideThatRangeIsRefused(int size) {
        DomainError refused = Storage.of(evs(Option.some(size)), MAIN, false).getLeft();

        assertThat(refused).isEqualTo(new DomainError.EvsVolumeSizeOutOfRange(size));
        assertThat(refused).isInstanceOf(DomainError.EvsVolumeSizeOutOfRange.class);
    }

    @Test
    void anEvsDiskIsFiveGigabytesByDefault() {
        assertThat(Storage.of(evs(Option.none()), MAIN, false).get().volumeSizeGb()).containsExactly(5);
    }

    @Test
    void obsfsIsOnlyForADedicatedPool() {
        DomainError refused = Storage.of(obsfs("parallel-fs"), MAIN, false).getLeft();

        assertThat(refused).isInstanceOf(DomainError.IncorrectValue.class);
        assertThat(refused).isEqualTo(new DomainError.IncorrectValue(mainStorage(Part.TYPE)));
    }

    @Test
    void obsfsInADedicatedPoolMountsReadWriteUnderTheWorkDirectoryByDefault() {
        Storage storage = Storage.of(obsfs("parallel-fs"), MAIN, true).get();

        assertThat(storage.mountPath()).containsExactly("/home/ma-user/work");
        assertThat(storage.accessMode()).containsExactly(Storage.AccessMode.ReadWriteMany);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/home/ma-user", "/etc", "/home/ma-user/work/../../root", "/home/ma-user/workshop"})
    void obsfsMountsOnlyUnderTheWorkDirectory(String mountPath) {
        var request = new Storage.Request(Option.some("obsfs"), Option.some("parallel-fs"), Option.none(),
                Option.some(mountPath), Option.none());

        assertThat(Storage.of(request, MAIN, true).getLeft())
                .isEqualTo(new DomainError.IncorrectValue(mainStorage(Part.MOUNT_PATH)));
    }

    @Test
    void obsfsAccessModeIsOneOfTheDocumentedOnes() {
        var request = new Storage.Request(Option.some("obsfs"), Option.some("parallel-fs"), Option.none(),
                Option.none(), Option.some("WriteOnly"));

        assertThat(Storage.of(request, MAIN, true).getLeft())
                .isEqualTo(new DomainError.IncorrectValue(mainStorage(Part.ACCESS_MODE)));
    }

    @Test
    void theTypeIsRequiredAndOneOfTheDocumentedOnes() {
        var noType = new Storage.Request(Option.none(), Option.some("/bucket/folder/"), Option.none(), Option.none(), Option.none());
        var efs = new Storage.Request(Option.some("efs"), Option.some("/bucket/folder/"), Option.none(), Option.none(), Option.none());

        assertThat(Storage.of(noType, MAIN, false).getLeft()).isEqualTo(new DomainError.RequiredProperty(mainStorage(Part.TYPE)));
        assertThat(Storage.of(efs, MAIN, false).getLeft()).isEqualTo(new DomainError.IncorrectValue(mainStorage(Part.TYPE)));
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
