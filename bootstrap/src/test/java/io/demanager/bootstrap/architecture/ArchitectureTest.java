package io.demanager.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules hold on the production classes of every module, and none of them can pass by checking nothing. */
class ArchitectureTest {

    /** The test kit and the test helpers that modules ship in their test-jars are on this class path, but are no production code. */
    private static final ImportOption DO_NOT_INCLUDE_TEST_JARS = location -> !location.contains("-tests.jar");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(DO_NOT_INCLUDE_TEST_JARS)
            .importPackages(Hexagon.DEMANAGER.root());

    static Stream<Named<ArchRule>> rules() {
        return ArchitectureRules.all(Hexagon.DEMANAGER).stream().map(rule -> Named.of(rule.getDescription(), rule));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void theProductionCodeKeepsTheRule(ArchRule rule) {
        rule.check(PRODUCTION);
    }

    /** The parts the rules select their classes from; adapters and bootstrap are checked from the outside in. */
    @ParameterizedTest
    @EnumSource(value = Part.class, names = {"DOMAIN", "DRIVING_PORTS", "DRIVEN_PORTS", "SERVICES"})
    void eachPartTheRulesAreAimedAtHoldsClasses(Part part) {
        assertThat(PRODUCTION.that(resideInAPackage(Hexagon.DEMANAGER.inside(part)))).isNotEmpty();
    }

    @Test
    void everyRuleAimedAtAPackageWithoutClassesFails() {
        Hexagon nowhere = new Hexagon("io.demanager.nowhere");

        assertThat(ArchitectureRules.all(nowhere)).allSatisfy(rule ->
                assertThatThrownBy(() -> rule.evaluate(PRODUCTION))
                        .isInstanceOf(AssertionError.class)
                        .hasMessageContaining("failed to check any"));
    }
}
