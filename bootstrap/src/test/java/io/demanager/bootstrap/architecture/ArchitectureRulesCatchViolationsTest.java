package io.demanager.bootstrap.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.demanager.archfixture.adapterimplementsusecase.adapter.http.StopHandler;
import io.demanager.archfixture.adapterusesbootstrap.adapter.http.Routes;
import io.demanager.archfixture.applicationusesdatasource.application.port.out.UsesDataSource;
import io.demanager.archfixture.applicationusesjdbi.application.service.UsesJdbi;
import io.demanager.archfixture.domainusesjavalin.domain.UsesJavalin;
import io.demanager.archfixture.domainusesjdbc.domain.UsesJdbc;
import io.demanager.archfixture.httpusesdrivenport.adapter.http.Authentication;
import io.demanager.archfixture.httpusespersistence.adapter.http.InstanceRoutes;
import io.demanager.archfixture.httpusespersistence.bootstrap.Wiring;
import io.demanager.archfixture.httpusesruntime.adapter.http.NotebookRoutes;
import io.demanager.archfixture.httpusesservice.adapter.http.ThingRoutes;
import io.demanager.archfixture.packagecycle.domain.instance.Instance;
import io.demanager.archfixture.partcycle.application.port.in.StartUseCase;
import io.demanager.archfixture.persistenceuseshttp.adapter.persistence.Store;
import io.demanager.archfixture.portinusesportout.application.port.in.ListThingsUseCase;
import io.demanager.archfixture.portisclass.application.port.out.CachingStore;
import io.demanager.archfixture.productionusestestkit.bootstrap.DemoServer;
import io.demanager.archfixture.runtimesknoweachother.adapter.runtime.kubernetes.Pods;
import io.demanager.archfixture.runtimeusespersistence.adapter.runtime.Notebooks;
import io.demanager.archfixture.strayclass.util.Helpers;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The rules can fail: each one is broken by a fixture written to break it, and names the offending class. */
class ArchitectureRulesCatchViolationsTest {

    private record Breach(String rule, Function<Hexagon, ArchRule> build, Fixture fixture, Class<?> offender) {
    }

    private static final List<Breach> BREACHES = List.of(
            new Breach("domain depends only on Java and vavr", ArchitectureRules::domainDependsOnlyOnJavaAndVavr,
                    new Fixture("domainusesjavalin"), UsesJavalin.class),
            new Breach("application depends only on the domain, Java and vavr", ArchitectureRules::applicationDependsOnlyOnDomainJavaAndVavr,
                    new Fixture("applicationusesjdbi"), UsesJdbi.class),
            new Breach("no framework in the core (domain)", ArchitectureRules::coreUsesNoFramework,
                    new Fixture("domainusesjavalin"), UsesJavalin.class),
            new Breach("no framework in the core (application)", ArchitectureRules::coreUsesNoFramework,
                    new Fixture("applicationusesjdbi"), UsesJdbi.class),
            new Breach("no JDBC in the core (java.sql in the domain)", ArchitectureRules::coreUsesNoJdbc,
                    new Fixture("domainusesjdbc"), UsesJdbc.class),
            new Breach("no JDBC in the core (javax.sql in a port)", ArchitectureRules::coreUsesNoJdbc,
                    new Fixture("applicationusesdatasource"), UsesDataSource.class),
            new Breach("only bootstrap uses the persistence adapter",
                    hexagon -> ArchitectureRules.adapterIsUsedOnlyByItselfAndBootstrap(hexagon, Part.PERSISTENCE_ADAPTER),
                    new Fixture("httpusespersistence"), InstanceRoutes.class),
            new Breach("only bootstrap uses the HTTP adapter",
                    hexagon -> ArchitectureRules.adapterIsUsedOnlyByItselfAndBootstrap(hexagon, Part.HTTP_ADAPTER),
                    new Fixture("persistenceuseshttp"), Store.class),
            new Breach("only bootstrap uses the runtime adapter",
                    hexagon -> ArchitectureRules.adapterIsUsedOnlyByItselfAndBootstrap(hexagon, Part.RUNTIME_ADAPTER),
                    new Fixture("httpusesruntime"), NotebookRoutes.class),
            new Breach("the runtime adapter depends only on the application and the domain",
                    ArchitectureRules::runtimeAdapterDependsOnlyOnTheApplicationAndTheDomain,
                    new Fixture("runtimeusespersistence"), Notebooks.class),
            new Breach("the runtimes do not know each other", ArchitectureRules::runtimesDoNotKnowEachOther,
                    new Fixture("runtimesknoweachother"), Pods.class),
            new Breach("nothing but bootstrap depends on bootstrap", ArchitectureRules::onlyBootstrapDependsOnBootstrap,
                    new Fixture("adapterusesbootstrap"), Routes.class),
            new Breach("production code does not depend on the test kit", ArchitectureRules::productionCodeDoesNotDependOnTheTestKit,
                    new Fixture("productionusestestkit"), DemoServer.class),
            new Breach("the parts are free of cycles", ArchitectureRules::partsAreFreeOfCycles,
                    new Fixture("partcycle"), StartUseCase.class),
            new Breach("the packages inside each part are free of cycles", ArchitectureRules::packagesInsidePartsAreFreeOfCycles,
                    new Fixture("packagecycle"), Instance.class),
            new Breach("ports are interfaces, records or enums", ArchitectureRules::portsAreInterfacesRecordsOrEnums,
                    new Fixture("portisclass"), CachingStore.class),
            new Breach("driving ports are implemented only by services", ArchitectureRules::drivingPortsAreImplementedOnlyByServices,
                    new Fixture("adapterimplementsusecase"), StopHandler.class),
            new Breach("driving ports do not depend on driven ports", ArchitectureRules::drivingPortsDoNotDependOnDrivenPorts,
                    new Fixture("portinusesportout"), ListThingsUseCase.class),
            new Breach("driving adapters use no driven port",
                    ArchitectureRules::drivingAdaptersDependOnlyOnDrivingPortsOfTheApplication,
                    new Fixture("httpusesdrivenport"), Authentication.class),
            new Breach("driving adapters use no service",
                    ArchitectureRules::drivingAdaptersDependOnlyOnDrivingPortsOfTheApplication,
                    new Fixture("httpusesservice"), ThingRoutes.class),
            new Breach("every class belongs to a part", ArchitectureRules::everyClassBelongsToAPart,
                    new Fixture("strayclass"), Helpers.class));

    static Stream<Arguments> breaches() {
        return BREACHES.stream().map(breach -> arguments(Named.of(breach.rule(), breach.build()), breach.fixture(), breach.offender()));
    }

    @ParameterizedTest
    @MethodSource("breaches")
    void theRuleFailsOnItsBadFixtureAndNamesTheOffender(Function<Hexagon, ArchRule> build, Fixture fixture, Class<?> offender) {
        EvaluationResult result = build.apply(fixture.hexagon()).evaluate(fixture.classes());

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(detail -> detail.contains(offender.getName()));
    }

    @Test
    void everyRuleOfTheCatalogueIsShownToFail() {
        List<String> catalogue = descriptions(ArchitectureRules.all(Hexagon.DEMANAGER).stream());
        List<String> shownToFail = descriptions(BREACHES.stream().map(breach -> breach.build().apply(Hexagon.DEMANAGER)));

        assertThat(shownToFail).containsAll(catalogue);
    }

    @Test
    void everyRuleHoldsOnAWellFormedHexagon() {
        Fixture good = new Fixture("good");

        assertThat(ArchitectureRules.all(good.hexagon())).allSatisfy(rule -> rule.check(good.classes()));
    }

    @Test
    void bootstrapMayUseEveryAdapter() {
        Fixture fixture = new Fixture("httpusespersistence");
        ArchRule rule = ArchitectureRules.adapterIsUsedOnlyByItselfAndBootstrap(fixture.hexagon(), Part.PERSISTENCE_ADAPTER);

        assertThat(rule.evaluate(fixture.classes()).getFailureReport().getDetails())
                .noneMatch(detail -> detail.contains(Wiring.class.getName()));
    }

    /** Which is why JDBC has a rule of its own. */
    @Test
    void theDomainRuleAloneLetsJdbcIn() {
        Fixture fixture = new Fixture("domainusesjdbc");

        assertThat(ArchitectureRules.domainDependsOnlyOnJavaAndVavr(fixture.hexagon()).evaluate(fixture.classes()).hasViolation())
                .isFalse();
    }

    /** Which is why cycles are also sought between packages inside a part. */
    @Test
    void thePartSlicingAloneMissesACycleInsideAPart() {
        Fixture fixture = new Fixture("packagecycle");

        assertThat(ArchitectureRules.partsAreFreeOfCycles(fixture.hexagon()).evaluate(fixture.classes()).hasViolation())
                .isFalse();
    }

    private static List<String> descriptions(Stream<ArchRule> rules) {
        return rules.map(ArchRule::getDescription).toList();
    }
}
