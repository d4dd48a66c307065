package io.demanager.bootstrap.architecture;

import com.tngtech.archunit.lang.ArchRule;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon's rules, each built for a given root so that the very same rule is checked on the real code
 * and shown to fail on a deliberately bad fixture. Every rule selects its classes below the root, so a rule
 * aimed at a package with no classes fails instead of passing vacuously (ArchUnit's failOnEmptyShould).
 */
final class ArchitectureRules {

    /** Libraries that belong in adapters: web server, JSON, database access, migrations, pool, driver. */
    static final String[] FRAMEWORKS = {
            "io.javalin..",
            "org.eclipse.jetty..",
            "jakarta.servlet..",
            "com.fasterxml.jackson..",
            "tools.jackson..",
            "org.jdbi..",
            "org.flywaydb..",
            "com.zaxxer.hikari..",
            "org.postgresql..",
            "io.zonky.."
    };

    /** The package of the runtime adapter that every runtime may use. */
    static final String SHARED_BY_RUNTIMES = "jupyter";

    /** Needs its own rule: {@code java..} is otherwise allowed in the domain and the application. */
    static final String[] JDBC = {"java.sql..", "javax.sql.."};

    private ArchitectureRules() {
    }

    static List<ArchRule> all(Hexagon hexagon) {
        List<ArchRule> rules = new ArrayList<>(List.of(
                domainDependsOnlyOnJavaAndVavr(hexagon),
                applicationDependsOnlyOnDomainJavaAndVavr(hexagon),
                onlyBootstrapDependsOnBootstrap(hexagon),
                productionCodeDoesNotDependOnTheTestKit(hexagon),
                partsAreFreeOfCycles(hexagon),
                packagesInsidePartsAreFreeOfCycles(hexagon),
                coreUsesNoFramework(hexagon),
                coreUsesNoJdbc(hexagon),
                portsAreInterfacesRecordsOrEnums(hexagon),
                drivingPortsAreImplementedOnlyByServices(hexagon),
                drivingPortsDoNotDependOnDrivenPorts(hexagon),
                drivingAdaptersDependOnlyOnDrivingPortsOfTheApplication(hexagon),
                everyClassBelongsToAPart(hexagon),
                runtimeAdapterDependsOnlyOnTheApplicationAndTheDomain(hexagon),
                runtimesDoNotKnowEachOther(hexagon)));
        Part.ADAPTERS.forEach(adapter -> rules.add(adapterIsUsedOnlyByItselfAndBootstrap(hexagon, adapter)));
        return List.copyOf(rules);
    }

    static ArchRule domainDependsOnlyOnJavaAndVavr(Hexagon hexagon) {
        return classes().that().resideInAPackage(hexagon.inside(Part.DOMAIN))
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(hexagon.inside(Part.DOMAIN), "java..", "io.vavr..")
                .because("the domain is plain Java and vavr, so that it can be embedded in any service and tested alone");
    }

    static ArchRule applicationDependsOnlyOnDomainJavaAndVavr(Hexagon hexagon) {
        return classes().that().resideInAPackage(hexagon.insideApplication())
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(hexagon.insideApplication(), hexagon.inside(Part.DOMAIN), "java..", "io.vavr..")
                .because("use cases reach the outside world only through their driven ports");
    }

    static ArchRule adapterIsUsedOnlyByItselfAndBootstrap(Hexagon hexagon, Part adapter) {
        return noClasses().that().resideInAPackage(hexagon.insideRoot())
                .and().resideOutsideOfPackages(hexagon.inside(adapter), hexagon.inside(Part.BOOTSTRAP))
                .should().dependOnClassesThat().resideInAPackage(hexagon.inside(adapter))
                .because("an adapter plugs into ports, never into another adapter; only bootstrap wires adapters together");
    }

    static ArchRule runtimeAdapterDependsOnlyOnTheApplicationAndTheDomain(Hexagon hexagon) {
        return classes().that().resideInAPackage(hexagon.inside(Part.RUNTIME_ADAPTER))
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(hexagon.inside(Part.RUNTIME_ADAPTER), hexagon.insideApplication(), hexagon.inside(Part.DOMAIN),
                        "java..", "javax..", "io.vavr..", "org.slf4j..", "com.fasterxml.jackson..", "io.fabric8..")
                .because("a runtime learns what to run from the application and reports back to it, so that another runtime"
                        + " (Kubernetes) can replace it without touching any other adapter");
    }

    /** The runtimes ({@code process}, {@code kubernetes}, {@code simulated}) share only the package of the Jupyter calls. */
    static ArchRule runtimesDoNotKnowEachOther(Hexagon hexagon) {
        String runtimes = Part.RUNTIME_ADAPTER.packageBelow(hexagon.root());
        return slices().matching(runtimes + ".(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage(runtimes + "." + SHARED_BY_RUNTIMES + ".."))
                .because("each runtime can be read, changed or removed alone; what they have in common is in "
                        + SHARED_BY_RUNTIMES);
    }

    static ArchRule onlyBootstrapDependsOnBootstrap(Hexagon hexagon) {
        return noClasses().that().resideInAPackage(hexagon.insideRoot())
                .and().resideOutsideOfPackage(hexagon.inside(Part.BOOTSTRAP))
                .should().dependOnClassesThat().resideInAPackage(hexagon.inside(Part.BOOTSTRAP))
                .because("bootstrap depends on every module, so a module reaching back into it would depend on all the others");
    }

    /** Checked on the production classes, which the test kit is not among, so any dependency on it is a violation. */
    static ArchRule productionCodeDoesNotDependOnTheTestKit(Hexagon hexagon) {
        return noClasses().that().resideInAPackage(hexagon.insideRoot())
                .and().resideOutsideOfPackage(hexagon.inside(Part.TEST_KIT))
                .should().dependOnClassesThat().resideInAPackage(hexagon.inside(Part.TEST_KIT))
                .because("the test kit's in-memory store keeps nothing across a restart and its builders make up data;"
                        + " a server wired over them would lose what it acknowledged");
    }

    static ArchRule partsAreFreeOfCycles(Hexagon hexagon) {
        return slices().assignedFrom(HexagonSlices.byPart(hexagon))
                .should().beFreeOfCycles()
                .because("dependencies between the parts of the hexagon point one way: inwards, towards the domain");
    }

    static ArchRule packagesInsidePartsAreFreeOfCycles(Hexagon hexagon) {
        return slices().assignedFrom(HexagonSlices.byTopLevelPackageInsidePart(hexagon))
                .should().beFreeOfCycles()
                .because("packages that depend on each other cannot be understood, tested or moved one at a time");
    }

    static ArchRule coreUsesNoFramework(Hexagon hexagon) {
        return noClasses().that().resideInAnyPackage(hexagon.inside(Part.DOMAIN), hexagon.insideApplication())
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("web servers, JSON and databases are details that adapters hide behind the ports");
    }

    static ArchRule coreUsesNoJdbc(Hexagon hexagon) {
        return noClasses().that().resideInAnyPackage(hexagon.inside(Part.DOMAIN), hexagon.insideApplication())
                .should().dependOnClassesThat().resideInAnyPackage(JDBC)
                .because("storage is reached through the driven ports; JDBC belongs to the persistence adapter");
    }

    static ArchRule portsAreInterfacesRecordsOrEnums(Hexagon hexagon) {
        return classes().that().resideInAnyPackage(hexagon.inside(Part.DRIVING_PORTS), hexagon.inside(Part.DRIVEN_PORTS))
                .should().beInterfaces().orShould().beRecords().orShould().beEnums()
                .orShould().beAssignableTo(RuntimeException.class)
                .because("a port is a contract, the immutable values it carries and the failures it declares;"
                        + " behaviour lives in services and adapters");
    }

    static ArchRule drivingPortsAreImplementedOnlyByServices(Hexagon hexagon) {
        return classes().that().resideInAPackage(hexagon.insideRoot())
                .and().implement(resideInAPackage(hexagon.inside(Part.DRIVING_PORTS)))
                .should().resideInAPackage(hexagon.inside(Part.SERVICES))
                .because("each use case is carried out by one service; adapters drive use cases, they do not implement them");
    }

    static ArchRule drivingPortsDoNotDependOnDrivenPorts(Hexagon hexagon) {
        return noClasses().that().resideInAPackage(hexagon.inside(Part.DRIVING_PORTS))
                .should().dependOnClassesThat().resideInAPackage(hexagon.inside(Part.DRIVEN_PORTS))
                .because("the driving side speaks its own language: what a caller sends and receives must not change"
                        + " when a store or a runtime does");
    }

    static ArchRule drivingAdaptersDependOnlyOnDrivingPortsOfTheApplication(Hexagon hexagon) {
        return noClasses().that().resideInAnyPackage(hexagon.insideEvery(Part.DRIVING_ADAPTERS))
                .should().dependOnClassesThat(resideInAPackage(hexagon.insideApplication())
                        .and(not(resideInAPackage(hexagon.inside(Part.DRIVING_PORTS)))))
                .because("a driving adapter drives use cases through their ports and the domain's values; the driven"
                        + " ports and the services behind them are the application's business");
    }

    static ArchRule everyClassBelongsToAPart(Hexagon hexagon) {
        return classes().that().resideInAPackage(hexagon.insideRoot())
                .should().resideInAnyPackage(hexagon.insideEveryPart())
                .because("a class outside every part would escape the rules above, for instance after a package is renamed");
    }
}
