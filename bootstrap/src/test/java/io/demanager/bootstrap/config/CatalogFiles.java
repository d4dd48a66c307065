package io.demanager.bootstrap.config;

/** An operator's catalog, in the format of the built-in one: one flavor and one profile. */
public final class CatalogFiles {

    public static final String ONE_FLAVOR = """
            {"flavors": [{"name": "only.flavor", "type": "CPU", "promo_type": "NoDiscount", "params": {"CPU": 1}}],
             "profiles": [{"id": "only-profile", "description": "The one profile", "flavor_types": ["CPU"],
                           "image": {"namespace": "ns", "name": "image", "tag": "1"}}]}
            """;

    private CatalogFiles() {
    }
}
