package io.demanager.adapter.persistence.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.demanager.application.port.out.Catalog;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.Profile;
import io.vavr.collection.List;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The catalog read from a JSON document: the default one shipped in the jar, or an operator's replacement.
 * The document is checked as a whole when it is loaded; a broken one is refused with an
 * {@link InvalidCatalogException} that names the file and the first problem found. The format is the
 * default file's, {@code catalog/default-catalog.json}, read by {@link CatalogDocument}.
 */
public final class JsonCatalog implements Catalog {

    private static final String DEFAULT_RESOURCE = "/catalog/default-catalog.json";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final List<Flavor> flavors;
    private final List<Profile> profiles;

    private JsonCatalog(List<Flavor> flavors, List<Profile> profiles) {
        this.flavors = flavors;
        this.profiles = profiles;
    }

    /** The catalog of the API contract's section 7 ({@code docs/devenviron-api.md}), shipped with the engine. */
    public static JsonCatalog fromClasspath() {
        String source = "default catalog " + DEFAULT_RESOURCE;
        try (InputStream in = JsonCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new InvalidCatalogException(source + " is missing from the classpath");
            }
            return read(in, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + source, e);
        }
    }

    /** An operator's catalog file, which replaces the default one as a whole. */
    public static JsonCatalog fromFile(Path file) {
        String source = "catalog file " + file;
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw new InvalidCatalogException(source + " does not exist", e);
        } catch (IOException e) {
            throw new InvalidCatalogException(source + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static JsonCatalog read(InputStream in, String source) throws IOException {
        JsonNode document;
        try {
            document = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InvalidCatalogException(source + " is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        try {
            CatalogDocument catalog = CatalogDocument.read(document);
            return new JsonCatalog(catalog.flavors(), catalog.profiles());
        } catch (CatalogProblem problem) {
            throw new InvalidCatalogException(source + " is invalid: " + problem.getMessage(), problem);
        }
    }

    @Override
    public List<Flavor> flavors() {
        return flavors;
    }

    @Override
    public List<Profile> profiles() {
        return profiles;
    }
}
