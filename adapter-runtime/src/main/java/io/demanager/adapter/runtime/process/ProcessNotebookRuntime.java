package io.demanager.adapter.runtime.process;

import io.demanager.adapter.runtime.jupyter.JupyterApi;
import io.demanager.adapter.runtime.jupyter.ProgressReports;
import io.demanager.application.port.in.InstanceRef;
import io.demanager.application.port.in.RecordRuntimeProgressUseCase;
import io.demanager.application.port.out.DesiredState;
import io.demanager.application.port.out.NotebookRuntime;
import io.demanager.domain.idle.NotebookActivity;
import io.demanager.domain.instance.FailedReason;
import io.demanager.domain.instance.Instance;
import io.demanager.domain.instance.InstanceId;
import io.demanager.domain.instance.InstanceStatus;
import io.demanager.domain.instance.NotebookAccess;
import io.demanager.domain.instance.RuntimeEvent;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs each instance as a Jupyter Server process of its own, on this host: its own folder, its own port from the
 * configured range, a fresh token for every start (given to Jupyter in its environment, never on its command line,
 * never logged). A launch is reported only once {@code /api/status} answers with the token; a notebook that dies by
 * itself is noticed within {@link #WATCH_PERIOD} and reported {@code Faulted}; asked to keep a RUNNING instance
 * running, a new server finds its notebook again, or reports it {@code Faulted}. Work on one instance is done one
 * request at a time, here and in every other server of this host (a lock file in its folder).
 */
public final class ProcessNotebookRuntime implements NotebookRuntime, AutoCloseable {

    public static final String LAUNCH_FAILED = "Runtime.LaunchFailed";
    public static final String START_TIMEOUT = "Runtime.StartTimeout";
    public static final String NOTEBOOK_EXITED = "Runtime.NotebookExited";
    public static final String NOTEBOOK_GONE = "Runtime.NotebookGone";

    static final Duration WATCH_PERIOD = Duration.ofSeconds(1);
    private static final Duration READY_POLL = Duration.ofMillis(100);
    private static final int LOG_LINES_IN_REASON = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ProcessNotebookRuntime.class);

    /** A notebook this runtime knows runs, and how to reach it. */
    private record Running(InstanceRef ref, NotebookProcess process, int port, NotebookAccess access) {
    }

    private final ProcessRuntimeSettings settings;
    private final NotebookUser user;
    private final JupyterApi api = new JupyterApi();
    private final SecureRandom random = new SecureRandom();
    private final Map<InstanceId, Running> running = new ConcurrentHashMap<>();
    private final Map<InstanceId, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<Integer, InstanceId> portsTaken = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newCachedThreadPool(daemon("process-runtime"));
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(daemon("process-runtime-watch"));
    private final ProgressReports progress = new ProgressReports("process");

    /** @throws IllegalArgumentException when notebooks cannot run here as configured (e.g. no unprivileged user) */
    public ProcessNotebookRuntime(ProcessRuntimeSettings settings) {
        this.settings = settings;
        this.user = NotebookUser.resolve(settings.notebookUser());
        try {
            Files.createDirectories(settings.folder());
            Files.setPosixFilePermissions(settings.folder(),
                    PosixFilePermissions.fromString(user.isAnotherUser() ? "rwx--x--x" : "rwx------"));
            user.mayPassThrough(settings.folder().toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("the notebooks' folder " + settings.folder() + " cannot be prepared", e);
        }
        watcher.scheduleWithFixedDelay(this::watch, WATCH_PERIOD.toMillis(), WATCH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where observations are reported; called once, before the first request. */
    public void reportTo(RecordRuntimeProgressUseCase recorder) {
        progress.reportTo(recorder);
    }

    @Override
    public void ensure(Instance instance, DesiredState desired) {
        work.execute(() -> exclusively(instance.id(), () -> {
            switch (desired) {
                case RUNNING -> keepOrLaunch(instance);
                case RESTARTED -> {
                    stop(instance.id());
                    launch(instance);
                }
                case STOPPED -> {
                    stop(instance.id());
                    report(instance, new RuntimeEvent.Stopped());
                }
                case GONE -> remove(instance.id());
            }
            return null;
        }));
    }

    /** Every instance with a folder here or a notebook process serving one, whoever started it. */
    @Override
    public Set<InstanceId> held() {
        try (Stream<Path> folders = Files.list(settings.folder())) {
            return HashSet.ofAll(folders.map(folder -> folder.getFileName().toString()).toList())
                    .addAll(NotebookProcess.servedFoldersOf(settings.folder()))
                    .flatMap(InstanceId::parse);
        } catch (IOException e) {
            throw new UncheckedIOException("the notebooks' folder " + settings.folder() + " cannot be read", e);
        }
    }

    @Override
    public void discard(InstanceId instanceId) {
        work.execute(() -> exclusively(instanceId, () -> {
            LOG.info("Removing what is left of {}, which the store no longer has", instanceId.value());
            remove(instanceId);
            return null;
        }));
    }

    @Override
    public Option<NotebookActivity> activity(Instance instance) {
        return Option.of(running.get(instance.id())).flatMap(notebook -> api.activity(notebook.access().url(), notebook.access().token()));
    }

    /** Whether it takes work: until {@link #close()}. */
    public boolean takesWork() {
        return !work.isShutdown();
    }

    /** Stops watching and working; the notebooks keep running, for the next server to find again. */
    @Override
    public void close() {
        watcher.shutdownNow();
        work.shutdownNow();
    }

    private void keepOrLaunch(Instance instance) {
        Running known = running.get(instance.id());
        if (instance.status() == InstanceStatus.RUNNING) {
            if (known == null || !known.process().isAlive()) {
                adoptOrReportGone(instance);
            }
        } else if (known != null && known.process().isAlive()) {
            report(instance, RuntimeEvent.launched(instance.status(), known.access()));
        } else {
            stop(instance.id());
            launch(instance);
        }
    }

    /**
     * A RUNNING instance this runtime does not know of yet: its notebook was started by an earlier server. It is
     * adopted when its recorded process still runs and answers with the token the instance holds; otherwise what is
     * left of it is stopped and the instance reported {@code Faulted}.
     */
    private void adoptOrReportGone(Instance instance) {
        var folder = new NotebookFolder(settings.folder(), instance.id());
        Option<NotebookProcess> process = NotebookProcess.find(folder.pid(), folder.root());
        Option<Integer> port = folder.port();
        if (process.isDefined() && port.isDefined() && instance.access().exists(access -> api.answers(access.url(), access.token()))) {
            portsTaken.put(port.get(), instance.id());
            running.put(instance.id(), new Running(new InstanceRef(instance.projectId(), instance.id()), process.get(), port.get(),
                    instance.access().get()));
            LOG.info("Notebook of {} found again: process {} on port {}", instance.id().value(), process.get().pid(), port.get());
            return;
        }
        stop(instance.id());
        LOG.warn("Notebook of {} was gone when this server started", instance.id().value());
        report(instance, new RuntimeEvent.Faulted(new FailedReason(NOTEBOOK_GONE,
                "The notebook was not running any more when the server started.", LinkedHashMap.empty())));
    }

    private void launch(Instance instance) {
        var folder = new NotebookFolder(settings.folder(), instance.id());
        String token = HexFormat.of().formatHex(randomBytes());
        int port = -1;
        NotebookProcess process;
        try {
            port = takePort(instance.id());
            folder.prepare(instance, user);
            process = NotebookProcess.started(start(instance, folder, port, token));
            folder.recordProcess(process.pid(), port);
        } catch (IOException e) {
            portsTaken.remove(port);
            report(instance, RuntimeEvent.launchFailed(instance.status(), reason(LAUNCH_FAILED,
                    "The notebook could not be launched: " + e.getMessage(), Option.none(), folder, token)));
            return;
        }
        String url = "http://" + urlHost() + ":" + port + "/";
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (process.isAlive() && Instant.now().isBefore(deadline) && !api.answers(url, token)) {
            sleep(READY_POLL);
        }
        if (process.isAlive() && api.answers(url, token)) {
            var access = new NotebookAccess(url, token);
            running.put(instance.id(), new Running(new InstanceRef(instance.projectId(), instance.id()), process, port, access));
            LOG.info("Notebook of {} runs as process {} on port {}", instance.id().value(), process.pid(), port);
            report(instance, RuntimeEvent.launched(instance.status(), access));
            return;
        }
        boolean exited = !process.isAlive();
        process.stop(settings.stopGrace());
        forget(instance.id(), folder, port);
        report(instance, RuntimeEvent.launchFailed(instance.status(), exited
                ? reason(NOTEBOOK_EXITED, "The notebook exited while starting.", process.exitCode(), folder, token)
                : reason(START_TIMEOUT, "The notebook did not answer within " + settings.startTimeout().toSeconds() + " s.",
                Option.none(), folder, token)));
    }

    private Process start(Instance instance, NotebookFolder folder, int port, String token) throws IOException {
        List<String> command = user.wrap(settings.command().appendAll(List.of(
                "--ServerApp.ip=" + settings.bindHost(),
                "--ServerApp.port=" + port,
                "--ServerApp.port_retries=0",
                "--ServerApp.open_browser=False",
                NotebookProcess.rootDirArgument(folder.storage(instance)))));
        var builder = new ProcessBuilder(command.toJavaList())
                .directory(folder.storage(instance).toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.logFile().toFile());
        Map<String, String> environment = builder.environment();
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.clear();
        environment.put("PATH", path);
        environment.put("LANG", "C.UTF-8");
        environment.put("HOME", folder.home().toString());
        environment.put("JUPYTER_RUNTIME_DIR", folder.home().resolve(".jupyter-runtime").toString());
        environment.put("JUPYTER_DATA_DIR", folder.home().resolve(".jupyter-data").toString());
        environment.put("JUPYTER_CONFIG_DIR", folder.home().resolve(".jupyter").toString());
        environment.put("JUPYTER_TOKEN", token);
        Files.deleteIfExists(folder.logFile());
        Files.createFile(folder.logFile(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return builder.start();
    }

    /** Stops what runs for the instance, whether this runtime started it or a server before it did. */
    private void stop(InstanceId id) {
        var folder = new NotebookFolder(settings.folder(), id);
        Running known = running.remove(id);
        Option<NotebookProcess> process = Option.of(known).map(Running::process)
                .orElse(() -> NotebookProcess.find(folder.pid(), folder.root()));
        process.forEach(notebook -> notebook.stop(settings.stopGrace()));
        Option<Integer> port = Option.of(known).map(Running::port).orElse(folder::port);
        port.forEach(this::waitUntilFree);
        forget(id, folder, port.getOrElse(-1));
    }

    /** Stops what runs for the instance and removes its folder. */
    private void remove(InstanceId id) {
        stop(id);
        new NotebookFolder(settings.folder(), id).remove();
    }

    /** Every second: a notebook that died by itself is reported, once. */
    private void watch() {
        running.values().forEach(notebook -> {
            if (notebook.process().isAlive()) {
                return;
            }
            ReentrantLock lock = lockOf(notebook.ref().instanceId());
            if (!lock.tryLock()) {
                return; // being worked on: that work decides what is reported
            }
            try {
                if (running.remove(notebook.ref().instanceId(), notebook)) {
                    var folder = new NotebookFolder(settings.folder(), notebook.ref().instanceId());
                    FailedReason reason = reason(NOTEBOOK_EXITED, "The notebook stopped by itself.", notebook.process().exitCode(),
                            folder, notebook.access().token());
                    forget(notebook.ref().instanceId(), folder, notebook.port());
                    LOG.warn("Notebook of {} stopped by itself", notebook.ref().instanceId().value());
                    progress.report(notebook.ref(), new RuntimeEvent.Faulted(reason));
                }
            } finally {
                lock.unlock();
            }
        });
    }

    private void forget(InstanceId id, NotebookFolder folder, int port) {
        portsTaken.remove(port, id);
        try {
            folder.forgetProcess();
        } catch (IOException e) {
            LOG.warn("The process files of {} could not be removed", id.value(), e);
        }
    }

    private int takePort(InstanceId id) throws IOException {
        if (settings.anyFreePort()) {
            return takeAnyFreePort(id);
        }
        int count = settings.lastPort() - settings.firstPort() + 1;
        int offset = random.nextInt(count);
        for (int i = 0; i < count; i++) {
            int port = settings.firstPort() + (offset + i) % count;
            if (portsTaken.putIfAbsent(port, id) == null) {
                if (isFree(port)) {
                    return port;
                }
                portsTaken.remove(port, id);
            }
        }
        throw new IOException("no free port left in " + settings.firstPort() + "-" + settings.lastPort());
    }

    /** A port the system gives as free now, which no notebook of this runtime is about to take. */
    private int takeAnyFreePort(InstanceId id) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port;
            try (var socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(settings.bindHost()), 0));
                port = socket.getLocalPort();
            }
            if (portsTaken.putIfAbsent(port, id) == null) {
                return port;
            }
        }
        throw new IOException("no free port on " + settings.bindHost() + " that no notebook is taking");
    }

    private boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(settings.bindHost()), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void waitUntilFree(int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!isFree(port) && Instant.now().isBefore(deadline)) {
            sleep(READY_POLL);
        }
    }

    private String urlHost() {
        String host = settings.bindHost();
        return host.equals("0.0.0.0") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The cause, with the exit code when known and the end of the log, the token masked should Jupyter print it. */
    private static FailedReason reason(String code, String message, Option<Integer> exitCode, NotebookFolder folder, String token) {
        var detail = exitCode.fold(LinkedHashMap::<String, String>empty, exit -> LinkedHashMap.of("exit_code", exit.toString()));
        String log = folder.lastLogLines(LOG_LINES_IN_REASON).mkString("\n").replace(token, "****");
        return new FailedReason(code, message, log.isBlank() ? detail : detail.put("log", log));
    }

    private <T> T exclusively(InstanceId id, Supplier<T> action) {
        ReentrantLock lock = lockOf(id);
        lock.lock();
        var folder = new NotebookFolder(settings.folder(), id);
        try (FileChannel channel = openLockFile(folder);
             FileLock ignored = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            LOG.error("The lock of {} could not be taken", id.value(), e);
            return null;
        } catch (RuntimeException e) {
            LOG.error("The runtime failed working on {}", id.value(), e);
            return null;
        } finally {
            lock.unlock();
        }
    }

    private static FileChannel openLockFile(NotebookFolder folder) throws IOException {
        Files.createDirectories(folder.root());
        return FileChannel.open(folder.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private ReentrantLock lockOf(InstanceId id) {
        return locks.computeIfAbsent(id, ignored -> new ReentrantLock());
    }

    private void report(Instance instance, RuntimeEvent event) {
        progress.report(new InstanceRef(instance.projectId(), instance.id()), event);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
