-- How a running notebook is opened, as the runtime reported it: its address, and its token sealed with AES-GCM
-- by the application like the credential, so that a dump does not reveal it. Both are kept only while RUNNING.
ALTER TABLE instance
    ADD COLUMN notebook_url   text,
    ADD COLUMN notebook_token bytea,
    ADD CONSTRAINT instance_notebook_access_complete CHECK ((notebook_url IS NULL) = (notebook_token IS NULL)),
    ADD CONSTRAINT instance_notebook_access_only_while_running CHECK (notebook_url IS NULL OR status = 'RUNNING');
