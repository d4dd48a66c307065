package io.demanager.domain.instance;

import io.demanager.domain.catalog.StorageType;
import io.demanager.domain.error.DomainError;
import io.demanager.domain.error.StorageAttribute;
import io.demanager.domain.error.StorageAttribute.Part;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Where a notebook keeps its work. The storage rules: an {@code obs} path is a folder inside a bucket ending
 * with {@code /}; an {@code evs} disk is 5 to 4096 GB; an {@code obsfs} file system needs a dedicated pool and
 * mounts under the work directory. {@link #of} answers a request with the first broken rule, naming the attribute;
 * the constructor refuses a storage that breaks them.
 *
 * @param path         the OBS folder, or the OBS parallel file system's bucket; none for EVS
 * @param volumeSizeGb the EVS disk size; none for the others
 * @param mountPath    where an obsfs file system is mounted; none for the others
 * @param accessMode   how an obsfs file system is mounted; none for the others
 */
public record Storage(
        StorageType type,
        Option<String> path,
        Option<Integer> volumeSizeGb,
        Option<String> mountPath,
        Option<AccessMode> accessMode) {

    public static final int MIN_EVS_GB = 5;
    public static final int MAX_EVS_GB = 4096;
    public static final String WORK_DIRECTORY = "/home/ma-user/work";

    public enum AccessMode { ReadOnlyMany, ReadWriteMany }

    /** The storage as requested, before any rule was checked. */
    public record Request(
            Option<String> type,
            Option<String> path,
            Option<Integer> volumeSizeGb,
            Option<String> mountPath,
            Option<String> accessMode) {

        public Request {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(volumeSizeGb, "volumeSizeGb");
            Objects.requireNonNull(mountPath, "mountPath");
            Objects.requireNonNull(accessMode, "accessMode");
        }
    }

    public Storage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(volumeSizeGb, "volumeSizeGb");
        Objects.requireNonNull(mountPath, "mountPath");
        Objects.requireNonNull(accessMode, "accessMode");
        boolean valid = switch (type) {
            case OBS -> path.exists(Storage::isFolderInBucket)
                    && volumeSizeGb.isEmpty() && mountPath.isEmpty() && accessMode.isEmpty();
            case EVS -> volumeSizeGb.exists(Storage::isEvsSize)
                    && path.isEmpty() && mountPath.isEmpty() && accessMode.isEmpty();
            case OBSFS -> path.isDefined() && mountPath.exists(Storage::isUnderWorkDirectory) && accessMode.isDefined()
                    && volumeSizeGb.isEmpty();
        };
        if (!valid) {
            throw new IllegalArgumentException("not a valid " + type.wireName() + " storage: path " + path
                    + ", volume size " + volumeSizeGb + ", mount path " + mountPath + ", access mode " + accessMode);
        }
    }

    /**
     * The storage {@code request} asks for. Errors name the instance's main storage when {@code extendedIndex} is
     * none, and otherwise the extended storage at that index.
     */
    public static Either<DomainError, Storage> of(Request request, Option<Integer> extendedIndex, boolean inDedicatedPool) {
        return typeOf(request, extendedIndex).flatMap(type -> switch (type) {
            case OBS -> obs(request, extendedIndex);
            case EVS -> evs(request);
            case OBSFS -> obsfs(request, extendedIndex, inDedicatedPool);
        });
    }

    private static Either<DomainError, StorageType> typeOf(Request request, Option<Integer> extendedIndex) {
        var field = new StorageAttribute(extendedIndex, Part.TYPE);
        return request.type()
                .toEither(() -> (DomainError) new DomainError.RequiredProperty(field))
                .flatMap(name -> List.of(StorageType.values())
                        .find(type -> type.wireName().equals(name))
                        .toEither(() -> new DomainError.IncorrectValue(field)));
    }

    private static Either<DomainError, Storage> obs(Request request, Option<Integer> extendedIndex) {
        var field = new StorageAttribute(extendedIndex, Part.PATH);
        return request.path()
                .toEither(() -> (DomainError) new DomainError.RequiredProperty(field))
                .flatMap(path -> !path.endsWith("/")
                        ? Either.left(new DomainError.PathMustEndWithSlash(field))
                        : !isFolderInBucket(path)
                        ? Either.left(new DomainError.BucketRootNotAllowed(path))
                        : Either.right(new Storage(StorageType.OBS, Option.some(path), Option.none(), Option.none(), Option.none())));
    }

    /** A folder path ending with {@code /}, below a bucket: {@code /bucket/} or {@code obs://bucket/} is a bucket root. */
    private static boolean isFolderInBucket(String path) {
        String withoutScheme = path.startsWith("obs://") ? path.substring("obs://".length()) : path;
        String segments = withoutScheme.replaceAll("^/+", "").replaceAll("/+$", "");
        return path.endsWith("/") && segments.contains("/");
    }

    private static boolean isEvsSize(int gigabytes) {
        return gigabytes >= MIN_EVS_GB && gigabytes <= MAX_EVS_GB;
    }

    private static boolean isUnderWorkDirectory(String mountPath) {
        return (mountPath.equals(WORK_DIRECTORY) || mountPath.startsWith(WORK_DIRECTORY + "/")) && !mountPath.contains("..");
    }

    private static Either<DomainError, Storage> evs(Request request) {
        int size = request.volumeSizeGb().getOrElse(MIN_EVS_GB);
        return !isEvsSize(size)
                ? Either.left(new DomainError.EvsVolumeSizeOutOfRange(size))
                : Either.right(new Storage(StorageType.EVS, Option.none(), Option.some(size), Option.none(), Option.none()));
    }

    private static Either<DomainError, Storage> obsfs(Request request, Option<Integer> extendedIndex, boolean inDedicatedPool) {
        if (!inDedicatedPool) {
            return Either.left(new DomainError.IncorrectValue(new StorageAttribute(extendedIndex, Part.TYPE)));
        }
        var pathField = new StorageAttribute(extendedIndex, Part.PATH);
        var mountField = new StorageAttribute(extendedIndex, Part.MOUNT_PATH);
        var modeField = new StorageAttribute(extendedIndex, Part.ACCESS_MODE);
        String mountPath = request.mountPath().getOrElse(WORK_DIRECTORY);
        if (request.path().isEmpty()) {
            return Either.left(new DomainError.RequiredProperty(pathField));
        }
        if (!isUnderWorkDirectory(mountPath)) {
            return Either.left(new DomainError.IncorrectValue(mountField));
        }
        Option<AccessMode> mode = request.accessMode().isEmpty()
                ? Option.some(AccessMode.ReadWriteMany)
                : request.accessMode().flatMap(name -> List.of(AccessMode.values()).find(m -> m.name().equals(name)));
        if (mode.isEmpty()) {
            return Either.left(new DomainError.IncorrectValue(modeField));
        }
        return Either.right(new Storage(StorageType.OBSFS, request.path(), Option.none(), Option.some(mountPath), mode));
    }
}
