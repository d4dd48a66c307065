package io.demanager.application.service;

import io.demanager.application.port.in.IdentifyCallerQuery;
import io.demanager.application.port.in.Principal;
import io.demanager.domain.error.DomainError;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static io.demanager.testkit.InstanceBuilder.OTHER_PROJECT;
import static io.demanager.testkit.InstanceBuilder.PROJECT;
import static io.demanager.testkit.Principals.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

class IdentifyCallerServiceTest {

    private static final String TOKEN = "member-token";

    private final IdentifyCallerService service = new IdentifyCallerService(
            token -> token.equals(TOKEN) ? Option.<Principal>some(MEMBER) : Option.none());

    @Test
    void aTokenNamesItsPrincipalInAProjectItMayActIn() {
        assertThat(service.identify(new IdentifyCallerQuery(Option.some(TOKEN), PROJECT.value()))).containsExactly(MEMBER);
    }

    @Test
    void noTokenAnEmptyOneOrOneNobodyIssuedIsUnauthenticated() {
        assertThat(service.identify(new IdentifyCallerQuery(Option.none(), PROJECT.value())).getLeft())
                .isEqualTo(new DomainError.Unauthenticated());
        assertThat(service.identify(new IdentifyCallerQuery(Option.some(""), PROJECT.value())).getLeft())
                .isEqualTo(new DomainError.Unauthenticated());
        assertThat(service.identify(new IdentifyCallerQuery(Option.some("forged"), PROJECT.value())).getLeft())
                .isEqualTo(new DomainError.Unauthenticated());
    }

    @Test
    void aProjectThePrincipalMayNotActInIsRefusedEvenIfItCannotExist() {
        assertThat(service.identify(new IdentifyCallerQuery(Option.some(TOKEN), OTHER_PROJECT.value())).getLeft())
                .isEqualTo(new DomainError.ProjectNotAllowed(OTHER_PROJECT.value()));
        assertThat(service.identify(new IdentifyCallerQuery(Option.some(TOKEN), "not.a.project")).getLeft())
                .isEqualTo(new DomainError.ProjectNotAllowed("not.a.project"));
    }
}
