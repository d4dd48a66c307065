package io.demanager.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** A miniature hexagon under {@code io.demanager.archfixture.<name>}, written to keep or to break the rules. */
record Fixture(String name) {

    Hexagon hexagon() {
        return new Hexagon("io.demanager.archfixture." + name);
    }

    JavaClasses classes() {
        return new ClassFileImporter().importPackages(hexagon().root());
    }
}
