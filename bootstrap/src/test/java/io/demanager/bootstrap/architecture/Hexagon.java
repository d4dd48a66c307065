package io.demanager.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClass;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the parts of a hexagon live below one root package: {@code io.demanager} for the real code,
 * a fixture's own root for the deliberately bad examples the rules are tried on.
 */
record Hexagon(String root) {

    static final Hexagon DEMANAGER = new Hexagon("io.demanager");

    /** The ArchUnit package identifier of a part and its subpackages, e.g. {@code io.demanager.domain..}. */
    String inside(Part part) {
        return part.packageBelow(root) + "..";
    }

    String insideApplication() {
        return root + ".application..";
    }

    String insideRoot() {
        return root + "..";
    }

    String[] insideEveryPart() {
        return insideEvery(List.of(Part.values()));
    }

    String[] insideEvery(List<Part> parts) {
        return parts.stream().map(this::inside).toArray(String[]::new);
    }

    Optional<Part> partOf(JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        return Arrays.stream(Part.values())
                .filter(part -> isAtOrBelow(packageName, part.packageBelow(root)))
                .findFirst();
    }

    /** The first package level below a part's own package, or empty for a class directly in it. */
    Optional<String> topLevelPackageInsidePart(JavaClass javaClass, Part part) {
        String partPackage = part.packageBelow(root);
        String packageName = javaClass.getPackageName();
        if (packageName.equals(partPackage)) {
            return Optional.empty();
        }
        String below = packageName.substring(partPackage.length() + 1);
        int dot = below.indexOf('.');
        return Optional.of(dot < 0 ? below : below.substring(0, dot));
    }

    private static boolean isAtOrBelow(String packageName, String ancestor) {
        return packageName.equals(ancestor) || packageName.startsWith(ancestor + ".");
    }
}
