package io.demanager.adapter.persistence.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.FlavorType;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.catalog.PromoType;
import io.demanager.domain.catalog.SaleStatus;
import io.demanager.domain.catalog.StorageType;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The catalog document: {@code {"flavors": [...], "profiles": [...]}}, with the API's field names.
 * A flavor: {@code name}, {@code type} (CPU|GPU|ASCEND), {@code promo_type} (Free|NoDiscount, default NoDiscount),
 * {@code status} (onSale|soldOut, default onSale), {@code storage_list} (default every type), {@code params},
 * {@code duration} (seconds; required for a free flavor and only there), {@code store_time} (hours, default -1 =
 * for ever), {@code billing_flavor} with {@code billing_params}. A profile: {@code id}, {@code name} (default the id),
 * {@code description}, {@code flavor_types}, {@code image} {@code {namespace, name, tag}}, {@code labels}.
 */
record CatalogDocument(List<Flavor> flavors, List<Profile> profiles) {

    static CatalogDocument read(JsonNode document) {
        CatalogObject root = new CatalogObject(document, "");
        root.allowOnly("flavors", "profiles");
        List<Flavor> flavors = nonEmpty(root, "flavors").map(CatalogDocument::flavor);
        List<Profile> profiles = nonEmpty(root, "profiles").map(CatalogDocument::profile);
        unique("flavors", "name", flavors, Flavor::name);
        unique("profiles", "id", profiles, Profile::id);
        return new CatalogDocument(flavors, profiles);
    }

    private static Flavor flavor(CatalogObject json) {
        json.allowOnly("name", "type", "promo_type", "status", "storage_list", "params", "duration", "store_time",
                "billing_flavor", "billing_params");
        String name = json.text("name");
        PromoType promoType = json.choice("promo_type", PromoType.values(), PromoType::wireName, Option.some(PromoType.NO_DISCOUNT));
        Option<Long> duration = json.optionalInteger("duration");
        if (promoType == PromoType.FREE && duration.isEmpty()) {
            throw new CatalogProblem(json.pathOf("duration"), "is required for a free flavor (its mandatory auto stop)");
        }
        if (promoType != PromoType.FREE && duration.isDefined()) {
            throw new CatalogProblem(json.pathOf("duration"), "applies only to free flavors");
        }
        if (duration.exists(seconds -> seconds <= 0)) {
            throw new CatalogProblem(json.pathOf("duration"), "must be a positive number of seconds");
        }
        long storeTime = json.optionalInteger("store_time").getOrElse(-1L);
        if (storeTime < -1 || storeTime > Integer.MAX_VALUE) {
            throw new CatalogProblem(json.pathOf("store_time"), "must be -1 (for ever) or a number of hours");
        }
        Option<Long> billingParams = json.optionalInteger("billing_params");
        if (billingParams.exists(params -> params < Integer.MIN_VALUE || params > Integer.MAX_VALUE)) {
            throw new CatalogProblem(json.pathOf("billing_params"), "is out of range");
        }
        return built(json, () -> new Flavor(
                name,
                json.choice("type", FlavorType.values(), FlavorType::name, Option.none()),
                promoType,
                json.choice("status", SaleStatus.values(), SaleStatus::wireName, Option.some(SaleStatus.ON_SALE)),
                json.choices("storage_list", StorageType.values(), StorageType::wireName, Option.some(List.of(StorageType.values()))),
                json.scalars("params"),
                duration.map(Duration::ofSeconds),
                (int) storeTime,
                json.optionalText("billing_flavor"),
                billingParams.map(Long::intValue)));
    }

    private static Profile profile(CatalogObject json) {
        json.allowOnly("id", "name", "description", "flavor_types", "image", "labels");
        String id = json.text("id");
        CatalogObject image = json.object("image");
        image.allowOnly("namespace", "name", "tag");
        return built(json, () -> new Profile(
                id,
                json.optionalText("name").getOrElse(id),
                json.optionalText("description").getOrElse(""),
                LinkedHashSet.ofAll(json.choices("flavor_types", FlavorType.values(), FlavorType::name, Option.none())),
                new Profile.Image(image.text("namespace"), image.text("name"), image.text("tag")),
                json.texts("labels")));
    }

    private static List<CatalogObject> nonEmpty(CatalogObject root, String field) {
        List<CatalogObject> entries = root.objects(field);
        if (entries.isEmpty()) {
            throw new CatalogProblem(field, "must hold at least one entry");
        }
        return entries;
    }

    /** The domain's own checks (for example, billing flavor and params go together) name the entry too. */
    private static <T> T built(CatalogObject json, Supplier<T> construction) {
        try {
            return construction.get();
        } catch (IllegalArgumentException e) {
            throw new CatalogProblem(json.path(), e.getMessage());
        }
    }

    private static <T> void unique(String list, String key, List<T> entries, Function<T, String> keyOf) {
        entries.zipWithIndex().forEach(entry -> entries.take(entry._2).map(keyOf).indexOfOption(keyOf.apply(entry._1))
                .peek(first -> {
                    throw new CatalogProblem(list + "[" + entry._2 + "]." + key, "'" + keyOf.apply(entry._1)
                            + "' is already used by " + list + "[" + first + "]");
                }));
    }
}
