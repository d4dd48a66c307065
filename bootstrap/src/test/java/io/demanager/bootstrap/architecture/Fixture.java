package io.demanager.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

/** A miniature hexagon under {@code io.demanager.archfixture.<name>}, written to keep or to break the rules. */
record Fixture(String name) {

    private static final String FIXTURES = "io.demanager.archfixture";

    /**
     * Every fixture, imported once: an import also reads what the classes use from the class path, which takes
     * seconds, and the fixtures are many. No fixture uses another's classes, so each one's share is what importing
     * it alone would give.
     */
    private static final JavaClasses ALL = new ClassFileImporter().importPackages(FIXTURES);

    Hexagon hexagon() {
        return new Hexagon(FIXTURES + "." + name);
    }

    JavaClasses classes() {
        return ALL.that(resideInAPackage(hexagon().root() + ".."));
    }
}
