package io.demanager.bootstrap.config;

/**
 * Every environment variable the server reads: its name, what it is, and what it is when not set. {@code --help}
 * prints this list, and {@code docs/configuration.md} describes each one (a test checks that it names them all).
 */
public enum Variable {
    DEMANAGER_PORT("The HTTP port, 1 to 65535.", "8080"),
    DEMANAGER_HOST("The address to listen on.", "0.0.0.0 (every interface)"),
    DEMANAGER_DATA_DIR("Where the server keeps its data: the embedded PostgreSQL's files and password, and the credential key.", "./data"),
    DEMANAGER_DB_URL("JDBC URL of an external PostgreSQL (jdbc:postgresql://host:port/database).", "the embedded PostgreSQL"),
    DEMANAGER_DB_USER("The account on the external PostgreSQL; required with DEMANAGER_DB_URL.", "none"),
    DEMANAGER_DB_PASSWORD("Its password.", "empty"),
    DEMANAGER_CREDENTIAL_KEY("AES key (base64 of 16, 24 or 32 bytes) that encrypts stored credentials; every server sharing"
            + " a database needs the same one.", "a key made on first start and kept in DEMANAGER_DATA_DIR/credential.key"),
    DEMANAGER_CATALOG_FILE("A JSON catalog of flavors and profiles that replaces the built-in one.", "the built-in catalog"),
    DEMANAGER_TOKENS_FILE("A JSON file of the X-Auth-Token tokens, each with its user and projects.",
            "one development token: dev-token, user dev, project demo-project"),
    DEMANAGER_JWT_JWKS("The public keys that sign accepted JSON Web Tokens: a JWKS file, or an http(s) URL of one.",
            "no JSON Web Tokens"),
    DEMANAGER_JWT_ISSUER("The iss a JSON Web Token must have; required with DEMANAGER_JWT_JWKS.", "none"),
    DEMANAGER_JWT_AUDIENCE("The aud a JSON Web Token must name; required with DEMANAGER_JWT_JWKS.", "none"),
    DEMANAGER_JWT_CLOCK_SKEW_SECONDS("How far the issuer's clock may be off for exp and nbf, in seconds.", "60"),
    DEMANAGER_JWT_USER_CLAIM("The claim that holds the user's id.", "sub"),
    DEMANAGER_JWT_USER_NAME_CLAIM("The claim that holds the user's name (the id when absent).", "name"),
    DEMANAGER_JWT_PROJECTS_CLAIM("The claim that holds the projects: an array of ids, or an object of project id to actions.",
            "projects"),
    DEMANAGER_HTTP_IDLE_TIMEOUT_MS("A connection that sends nothing for this long is closed (a request in progress answers 408),"
            + " in milliseconds.", "30000"),
    DEMANAGER_HTTP_MIN_REQUEST_RATE("A request body that arrives slower than this many bytes a second is refused with 408;"
            + " 0 checks no rate.", "1024"),
    DEMANAGER_HTTP_CONCURRENT_REQUESTS_PER_USER("How many API requests of one user may run at once; beyond, 429 with"
            + " Retry-After.", "32"),
    DEMANAGER_EVENT_STREAMS_PER_USER("How many event streams (GET .../events) one user may hold open at once; beyond, 429"
            + " with Retry-After.", "4"),
    DEMANAGER_EVENT_STREAMS("How many event streams the server holds open at once, each on a thread of its own; beyond, 503"
            + " with Retry-After.", "100"),
    DEMANAGER_WEBHOOK_URLS("The http(s) URLs every lifecycle event is posted to, separated by commas.", "no webhooks"),
    DEMANAGER_WEBHOOK_SECRET("The key of the HMAC-SHA256 signature of each webhook body; required with DEMANAGER_WEBHOOK_URLS.",
            "none"),
    DEMANAGER_WEBHOOK_ATTEMPTS("How many times a webhook delivery is tried before it is given up.", "10"),
    DEMANAGER_WEBHOOK_TIMEOUT_MS("How long a webhook endpoint has to answer one delivery, in milliseconds.", "10000"),
    DEMANAGER_FREE_FLAVOR_CAPACITY("How many instances of each free flavor may run at once; the others queue.", "10"),
    DEMANAGER_AUTO_STOP_MIN_SECONDS("The shortest auto-stop duration a client may ask for, in seconds.", "3600"),
    DEMANAGER_AUTO_STOP_MAX_SECONDS("The longest auto-stop duration a client may ask for, in seconds.", "86400"),
    DEMANAGER_AUTO_STOP_INTERVAL_MS("The longest the auto-stop engine sleeps between two looks, in milliseconds: it wakes"
            + " when a lease ends or changes, and looks at least this often in case news of a change was lost.", "10000"),
    DEMANAGER_LEASE_WARNING_SECONDS("How long before its lease ends an instance whose prompt is true gets a LEASE_ENDING"
            + " event, in seconds; 0 for no warning before the stop itself.", "600"),
    DEMANAGER_AUTO_STOP_BATCH_SIZE("How many due leases the engine stops in one transaction.", "100"),
    DEMANAGER_AUTO_STOP_CLAIMERS("How many batches of due leases the engine stops at once, each on a database connection of"
            + " its own, while more than one batch is due; 1 to 64.", "2"),
    DEMANAGER_IDLE_STOP_MIN_SECONDS("The shortest idle time (spec.idle_stop.idle_seconds) a client may ask for, in seconds.",
            "600"),
    DEMANAGER_IDLE_STOP_MAX_SECONDS("The longest idle time a client may ask for, in seconds.", "86400"),
    DEMANAGER_IDLE_STOP_MIN_RUNNING_SECONDS("How long a run lasts at least before it may be stopped for idleness, in seconds.",
            "600"),
    DEMANAGER_IDLE_STOP_WARNING_SECONDS("How long before an idle stop the instance gets an IDLE_ENDING event, in seconds: the"
            + " stop never comes sooner after the warning.", "300"),
    DEMANAGER_IDLE_STOP_INTERVAL_MS("How often the idle-stop engine reads the activity of the running instances whose idle stop"
            + " is enabled, in milliseconds.", "30000"),
    DEMANAGER_RETENTION_INTERVAL_SECONDS("How long the retention engine pauses between two sweeps for inactive free instances"
            + " kept longer than their flavor's store_time, in seconds.", "60"),
    DEMANAGER_RETENTION_BATCH_SIZE("How many such instances the retention engine deletes in one transaction.", "100"),
    DEMANAGER_RENEW_MIN_SECONDS("The shortest renewal of a running lease a client may ask for, in seconds.", "3600"),
    DEMANAGER_RENEW_MAX_SECONDS("The longest renewal of a running lease a client may ask for, in seconds.", "259200"),
    DEMANAGER_RUNTIME("process (each notebook a Jupyter Server process of this machine), kubernetes (each notebook a pod of"
            + " a cluster) or simulated (no notebook runs).",
            "process when DEMANAGER_JUPYTER_COMMAND is found, otherwise simulated with a warning"),
    DEMANAGER_JUPYTER_COMMAND("The Jupyter Server command of the process runtime, with any first arguments.", "jupyter-server"),
    DEMANAGER_NOTEBOOK_HOST("The address the process runtime's notebooks listen on.", "127.0.0.1"),
    DEMANAGER_NOTEBOOK_PORTS("The ports the process runtime's notebooks take, as first-last, or 0 for any free port.",
            "42000-42999"),
    DEMANAGER_NOTEBOOK_START_TIMEOUT_SECONDS("How long a notebook has to answer (its pod to be ready, on Kubernetes) before"
            + " its start counts as failed.", "30; 300 on Kubernetes"),
    DEMANAGER_NOTEBOOK_STOP_GRACE_SECONDS("How long a notebook has to stop after SIGTERM before it and its kernels get SIGKILL.",
            "5"),
    DEMANAGER_NOTEBOOK_USER("The unprivileged OS user notebooks run as when the server runs as root.", "demanager-notebook"),
    DEMANAGER_KUBERNETES_NAMESPACE("The namespace the Kubernetes runtime makes each notebook's objects in.", "demanager-notebooks"),
    DEMANAGER_KUBERNETES_REGISTRY("The registry put before the catalog's namespace/image_name:image_tag, e.g."
            + " swr.example.com.", "the cluster's default registry"),
    DEMANAGER_KUBERNETES_BASE_URL("Where users open notebooks on Kubernetes (an ingress routing /notebook/<project>/<id>/ to"
            + " each notebook's Service), e.g. https://notebooks.example.com.", "each notebook's Service address in the cluster"),
    DEMANAGER_KUBERNETES_RESYNC_SECONDS("How often the Kubernetes runtime reads every notebook's pod again from the API"
            + " server, whatever its watches said, in seconds.", "30"),
    DEMANAGER_KUBERNETES_STORAGE_CLASS("The storage class of the volumes of evs storage.", "the cluster's default storage class"),
    DEMANAGER_RUNTIME_DELAY_MS("How long the simulated runtime takes to create, start or stop a notebook, in milliseconds.", "3000"),
    DEMANAGER_RUNTIME_FAILURE_RATE("The chance, from 0 to 1, that the simulated runtime fails a create, start or restart.", "0"),
    DEMANAGER_RUNTIME_FAILING_FLAVORS("Flavors whose creates, starts and restarts always fail, separated by commas.", "none"),
    DEMANAGER_LOG_FORMAT("text (one readable line per event) or json (one JSON object per line).", "text");

    private final String meaning;
    private final String whenUnset;

    Variable(String meaning, String whenUnset) {
        this.meaning = meaning;
        this.whenUnset = whenUnset;
    }

    public String meaning() {
        return meaning;
    }

    public String whenUnset() {
        return whenUnset;
    }
}
