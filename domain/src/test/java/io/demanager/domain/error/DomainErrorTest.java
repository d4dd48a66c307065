package io.demanager.domain.error;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DomainErrorTest {

    /** One of each failure, so that a new one without a sample fails the coverage test below. */
    private static final List<DomainError> ONE_OF_EACH = List.of(
            new DomainError.InstanceAlreadyExists("notebook-c6fd"),
            new DomainError.SortFieldNotSupported("flavor"),
            new DomainError.StopBeforeDeleting(),
            new DomainError.AlreadyRunning(),
            new DomainError.InstanceStarting(),
            new DomainError.AlreadyStopped(),
            new DomainError.InstanceStopping(),
            new DomainError.InstanceNotFound("DE-7d558ef8-c73d-11ea-964c-0255ac100033"),
            new DomainError.PathMustEndWithSlash("spec.storage.location.path"),
            new DomainError.FlavorNotSupported("modelarts.vm.cpu.64u"),
            new DomainError.NotRunning(),
            new DomainError.FlavorSoldOut("modelarts.vm.cpu.8u"),
            new DomainError.ProfileDoesNotMatchFlavor("Python3", "modelarts.vm.gpu.p100"),
            new DomainError.EvsVolumeSizeOutOfRange(4097),
            new DomainError.WrongType("spec.auto_stop.duration", "integer"),
            new DomainError.CharacterNotAllowed("description", '&'),
            new DomainError.RequiredProperty("name"),
            new DomainError.IncorrectValue("action"),
            new DomainError.DurationRequired(),
            new DomainError.DurationOutOfRange(3_600, 86_400),
            new DomainError.OperationNotAllowed("RUNNING", "queue"),
            new DomainError.VersionMismatch(3, 4),
            new DomainError.BucketRootNotAllowed("/bucket/"),
            new DomainError.InvalidPayload("line 1, column 7: unexpected end of input"),
            new DomainError.Unauthenticated(),
            new DomainError.ProjectNotAllowed("another-project"),
            new DomainError.PermissionNotGranted("update"));

    @Test
    void everyFailureHasASample() {
        assertThat(ONE_OF_EACH.stream().map(Object::getClass))
                .containsExactlyInAnyOrder(DomainError.class.getPermittedSubclasses());
    }

    @Test
    void everyMessageFillsEveryPlaceholderOfItsTemplate() {
        for (DomainError error : ONE_OF_EACH) {
            assertThat(error.message()).as(error.toString()).doesNotContain("{}").isNotBlank();
            assertThat(error.arguments()).as(error.toString()).hasSize(placeholders(error.code().template()));
        }
    }

    @Test
    void anUnreadablePayloadSaysWhere() {
        assertThat(new DomainError.InvalidPayload("line 1, column 7").message())
                .isEqualTo("The request payload is invalid. line 1, column 7");
    }

    private static int placeholders(String template) {
        return template.split("\\{}", -1).length - 1;
    }
}
