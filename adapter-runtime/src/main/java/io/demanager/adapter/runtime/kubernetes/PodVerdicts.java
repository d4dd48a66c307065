package io.demanager.adapter.runtime.kubernetes;

import io.demanager.domain.instance.FailedReason;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * What a notebook's pod says about its notebook, in the terms of the lifecycle: ready, failed for good (with the
 * Kubernetes reason and message), or neither yet. Failure codes are {@code Kubernetes.<reason>}, the reason being
 * Kubernetes' own ({@code ImagePullBackOff}, {@code CrashLoopBackOff}, {@code Unschedulable}, {@code Evicted}...).
 */
final class PodVerdicts {

    static final String CODE_PREFIX = "Kubernetes.";
    static final String START_TIMEOUT = CODE_PREFIX + "StartTimeout";
    static final String POD_GONE = CODE_PREFIX + "PodGone";
    static final String NOTEBOOK_EXITED = CODE_PREFIX + "NotebookExited";

    /**
     * Waiting reasons a container does not leave by itself soon: a launch that meets one has failed. A plain
     * {@code ErrImagePull} is not among them: the kubelet retries it, and it becomes {@code ImagePullBackOff}.
     */
    private static final Set<String> FAILED_WAITING = HashSet.of("ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull",
            "CrashLoopBackOff", "CreateContainerConfigError", "CreateContainerError", "RunContainerError");

    private PodVerdicts() {
    }

    static boolean isReady(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null && "Running".equals(phase(pod))
                && condition(pod, "Ready").exists(ready -> "True".equals(ready.getStatus()));
    }

    /** Why a launching pod will not become ready by itself; none while it still may. */
    static Option<FailedReason> launchFailure(Pod pod) {
        if ("Failed".equals(phase(pod))) {
            return Option.some(podFailed(pod));
        }
        return containers(pod).flatMap(container -> Option.of(container.getState()).flatMap(state -> Option.of(state.getWaiting()))
                        .filter(waiting -> FAILED_WAITING.contains(waiting.getReason()))
                        .map(waiting -> waiting(pod, container, waiting)))
                .headOption();
    }

    /** Why a pod that was ready is not serving its notebook any more; none while it still is the same, alive pod. */
    static Option<FailedReason> fault(Pod pod, String readyUid, int readyRestarts) {
        if (!pod.getMetadata().getUid().equals(readyUid)) {
            return Option.some(new FailedReason(POD_GONE, "The notebook's pod was replaced: the notebook it ran is gone.",
                    LinkedHashMap.of("pod", pod.getMetadata().getName())));
        }
        if ("Failed".equals(phase(pod)) || "Succeeded".equals(phase(pod))) {
            return Option.some(podFailed(pod));
        }
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return Option.some(new FailedReason(POD_GONE, "The notebook's pod is being deleted.",
                    LinkedHashMap.of("pod", pod.getMetadata().getName())));
        }
        if (restarts(pod) > readyRestarts) {
            return Option.some(exited(pod));
        }
        return Option.none();
    }

    static int restarts(Pod pod) {
        return containers(pod).map(ContainerStatus::getRestartCount).map(count -> count == null ? 0 : count).sum().intValue();
    }

    /** Why a launch that took too long did not finish: the scheduler's word, else the latest warning, else the delay. */
    static FailedReason timedOut(Option<Pod> pod, List<Event> warnings, long timeoutSeconds, String podName) {
        String delay = "The notebook's pod was not ready within " + timeoutSeconds + " s";
        Option<FailedReason> unschedulable = pod.flatMap(found -> condition(found, "PodScheduled"))
                .filter(scheduled -> "False".equals(scheduled.getStatus()))
                .map(scheduled -> new FailedReason(CODE_PREFIX + Option.of(scheduled.getReason()).getOrElse("Unschedulable"),
                        delay + ": " + Option.of(scheduled.getMessage()).getOrElse("it could not be scheduled."),
                        LinkedHashMap.of("pod", podName)));
        Option<FailedReason> warned = warnings.maxBy(PodVerdicts::when)
                .map(event -> new FailedReason(CODE_PREFIX + event.getReason(), delay + ": " + event.getMessage(),
                        LinkedHashMap.of("pod", podName, "object", event.getInvolvedObject().getKind() + "/" + event.getInvolvedObject().getName())));
        return unschedulable.orElse(warned)
                .getOrElse(() -> new FailedReason(START_TIMEOUT, delay + ".", LinkedHashMap.of("pod", podName)));
    }

    static FailedReason gone(String podName) {
        return new FailedReason(POD_GONE, "The notebook's pod is gone.", LinkedHashMap.of("pod", podName));
    }

    private static FailedReason podFailed(Pod pod) {
        String reason = Option.of(pod.getStatus().getReason())
                .orElse(() -> terminated(pod).flatMap(ended -> Option.of(ended.getReason()))).getOrElse("PodFailed");
        String message = Option.of(pod.getStatus().getMessage()).getOrElse("The notebook's pod stopped.");
        return terminated(pod).fold(() -> new FailedReason(CODE_PREFIX + reason, message, LinkedHashMap.of("pod", pod.getMetadata().getName())),
                ended -> new FailedReason(CODE_PREFIX + reason, message, details(pod, ended)));
    }

    private static FailedReason exited(Pod pod) {
        Option<ContainerStateTerminated> ended = terminated(pod);
        String why = ended.flatMap(state -> Option.of(state.getReason())).map(reason -> " (" + reason + ")").getOrElse("");
        return new FailedReason(NOTEBOOK_EXITED, "The notebook stopped by itself" + why + ".",
                ended.fold(() -> LinkedHashMap.of("pod", pod.getMetadata().getName()), state -> details(pod, state)));
    }

    private static FailedReason waiting(Pod pod, ContainerStatus container, ContainerStateWaiting waiting) {
        Map<String, String> detail = LinkedHashMap.of("pod", pod.getMetadata().getName(), "image", container.getImage());
        return new FailedReason(CODE_PREFIX + waiting.getReason(),
                Option.of(waiting.getMessage()).getOrElse("The notebook's container is waiting: " + waiting.getReason() + "."),
                terminated(pod).map(ended -> details(pod, ended).merge(detail)).getOrElse(detail));
    }

    private static Map<String, String> details(Pod pod, ContainerStateTerminated ended) {
        Map<String, String> detail = LinkedHashMap.of("pod", pod.getMetadata().getName());
        detail = ended.getExitCode() == null ? detail : detail.put("exit_code", ended.getExitCode().toString());
        return ended.getReason() == null ? detail : detail.put("container_reason", ended.getReason());
    }

    /** How the notebook's container last ended: now, or before its latest restart. */
    private static Option<ContainerStateTerminated> terminated(Pod pod) {
        return containers(pod).flatMap(container -> Option.of(container.getState()).flatMap(state -> Option.of(state.getTerminated()))
                        .orElse(() -> Option.of(container.getLastState()).flatMap(state -> Option.of(state.getTerminated()))))
                .headOption();
    }

    private static List<ContainerStatus> containers(Pod pod) {
        return Option.of(pod.getStatus()).flatMap(status -> Option.of(status.getContainerStatuses())).map(List::ofAll).getOrElse(List.empty());
    }

    private static Option<PodCondition> condition(Pod pod, String type) {
        return Option.of(pod.getStatus()).flatMap(status -> Option.of(status.getConditions())).map(List::ofAll).getOrElse(List.empty())
                .find(condition -> type.equals(condition.getType()));
    }

    private static String phase(Pod pod) {
        return Option.of(pod.getStatus()).map(status -> status.getPhase()).getOrNull();
    }

    private static Instant when(Event event) {
        return List.of(event.getLastTimestamp(), event.getFirstTimestamp(), event.getMetadata().getCreationTimestamp())
                .filter(java.util.Objects::nonNull).headOption().map(Instant::parse).getOrElse(Instant.EPOCH);
    }
}
