package io.demanager.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** The two slicings the cycle rules use: one slice per part, and one per top-level package inside a part. */
final class HexagonSlices {

    private HexagonSlices() {
    }

    static SliceAssignment byPart(Hexagon hexagon) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return hexagon.partOf(javaClass)
                        .map(part -> SliceIdentifier.of(part.name()))
                        .orElseGet(SliceIdentifier::ignore);
            }

            @Override
            public String getDescription() {
                return "the parts of the hexagon below " + hexagon.root();
            }
        };
    }

    /** A class directly in a part's package is in the slice named after the part alone. */
    static SliceAssignment byTopLevelPackageInsidePart(Hexagon hexagon) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return hexagon.partOf(javaClass)
                        .map(part -> hexagon.topLevelPackageInsidePart(javaClass, part)
                                .map(topLevel -> SliceIdentifier.of(part.name(), topLevel))
                                .orElseGet(() -> SliceIdentifier.of(part.name())))
                        .orElseGet(SliceIdentifier::ignore);
            }

            @Override
            public String getDescription() {
                return "the top-level packages inside each part of the hexagon below " + hexagon.root();
            }
        };
    }
}
