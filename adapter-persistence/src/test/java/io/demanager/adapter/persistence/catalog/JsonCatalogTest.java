package io.demanager.adapter.persistence.catalog;

import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.FlavorType;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.catalog.PromoType;
import io.demanager.domain.catalog.SaleStatus;
import io.demanager.domain.catalog.StorageType;
import io.vavr.Tuple;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCatalogTest {

    private static final JsonCatalog DEFAULT = JsonCatalog.fromClasspath();

    private static final String VALID_FLAVOR = "{\"name\": \"f\", \"type\": \"CPU\"}";
    private static final String VALID_PROFILE =
            "{\"id\": \"p\", \"flavor_types\": [\"CPU\"], \"image\": {\"namespace\": \"n\", \"name\": \"i\", \"tag\": \"t\"}}";

    @TempDir
    Path directory;

    // ---- the default catalog ------------------------------------------------------------------------

    @Test
    void theDefaultCatalogOffersEveryDocumentedFlavorWithItsTypeAndPromotion() {
        assertThat(DEFAULT.flavors().map(flavor -> Tuple.of(flavor.name(), flavor.type(), flavor.promoType()))).containsExactly(
                Tuple.of("modelarts.vm.cpu.2u", FlavorType.CPU, PromoType.NO_DISCOUNT),
                Tuple.of("modelarts.vm.cpu.8u", FlavorType.CPU, PromoType.NO_DISCOUNT),
                Tuple.of("modelarts.vm.gpu.p100", FlavorType.GPU, PromoType.NO_DISCOUNT),
                Tuple.of("modelarts.vm.gpu.v100", FlavorType.GPU, PromoType.NO_DISCOUNT),
                Tuple.of("modelarts.bm.gpu.v100NV32", FlavorType.GPU, PromoType.NO_DISCOUNT),
                Tuple.of("modelarts.kat1.xlarge", FlavorType.ASCEND, PromoType.NO_DISCOUNT),
                Tuple.of("modelarts.vm.cpu.free", FlavorType.CPU, PromoType.FREE),
                Tuple.of("modelarts.vm.gpu.free", FlavorType.GPU, PromoType.FREE));
    }

    @Test
    void freeFlavorsStopAfterAnHourAndAreKeptThreeDaysOthersForEver() {
        DEFAULT.flavors().forEach(flavor -> {
            assertThat(flavor.autoStopDuration()).as(flavor.name())
                    .isEqualTo(flavor.isFree() ? Option.some(Duration.ofSeconds(3_600)) : Option.none());
            assertThat(flavor.storeTimeHours()).as(flavor.name()).isEqualTo(flavor.isFree() ? 72 : -1);
            assertThat(flavor.saleStatus()).as(flavor.name()).isEqualTo(SaleStatus.ON_SALE);
        });
    }

    @Test
    void theBareMetalGpuFlavorHasItsDocumentedParams() {
        assertThat(DEFAULT.flavor("modelarts.bm.gpu.v100NV32").map(Flavor::params)).containsExactly(
                LinkedHashMap.of("CPU", 8, "GPU", 1, "gpu_type", "v100NV32", "memory", "64GiB"));
    }

    @Test
    void everyFlavorCountsItsProcessorsAndMemoryAndEveryGpuFlavorNamesItsGpu() {
        DEFAULT.flavors().forEach(flavor -> {
            assertThat(flavor.params().get("CPU").get()).as(flavor.name()).isInstanceOf(Integer.class);
            assertThat(flavor.params().get("memory").get()).as(flavor.name()).asString().endsWith("GiB");
            if (flavor.type() == FlavorType.GPU) {
                assertThat(flavor.params().get("GPU").get()).as(flavor.name()).isEqualTo(1);
                assertThat(flavor.params().containsKey("gpu_type")).as(flavor.name()).isTrue();
            }
        });
    }

    @Test
    void theDefaultCatalogOffersEveryDocumentedProfileForItsHardware() {
        assertThat(DEFAULT.profiles().map(profile -> Tuple.of(profile.id(), profile.flavorTypes()))).containsExactly(
                Tuple.of("Multi-Engine 1.0 (python3)-cpu", HashSet.of(FlavorType.CPU)),
                Tuple.of("Multi-Engine 1.0 (python3)-gpu", HashSet.of(FlavorType.GPU)),
                Tuple.of("Multi-Engine 2.0 (python3)", HashSet.of(FlavorType.CPU, FlavorType.GPU)),
                Tuple.of("Ascend-Power-Engine 1.0(python3)", HashSet.of(FlavorType.ASCEND)),
                Tuple.of("Python3", HashSet.of(FlavorType.CPU)),
                Tuple.of("Python3-gpu", HashSet.of(FlavorType.GPU)));
        DEFAULT.profiles().forEach(profile -> assertThat(List.of(profile.image().namespace(), profile.image().name(),
                profile.image().tag())).as(profile.id()).allSatisfy(part -> assertThat(part).isNotBlank()));
    }

    @Test
    void flavorsAndProfilesAreFoundByNameAndIdOnly() {
        assertThat(DEFAULT.flavor("modelarts.vm.gpu.free").map(Flavor::isFree)).containsExactly(true);
        assertThat(DEFAULT.profile("Python3-gpu").map(Profile::name)).containsExactly("Python3-gpu");
        assertThat(DEFAULT.flavor("modelarts.vm.gpu.a100")).isEmpty();
        assertThat(DEFAULT.profile("python3")).isEmpty();
    }

    // ---- an operator's file -------------------------------------------------------------------------

    @Test
    void anOperatorsFileReplacesTheDefaultAndOmittedFieldsTakeTheirDefaults() throws IOException {
        JsonCatalog catalog = JsonCatalog.fromFile(write(catalog(VALID_FLAVOR, VALID_PROFILE)));

        assertThat(catalog.flavors()).containsExactly(new Flavor("f", FlavorType.CPU, PromoType.NO_DISCOUNT,
                SaleStatus.ON_SALE, List.of(StorageType.values()), LinkedHashMap.empty(), Option.none(), -1,
                Option.none(), Option.none()));
        assertThat(catalog.profiles()).containsExactly(new Profile("p", "p", "", HashSet.of(FlavorType.CPU),
                new Profile.Image("n", "i", "t"), LinkedHashMap.empty()));
        assertThat(catalog.flavor("modelarts.vm.cpu.2u")).isEmpty();
    }

    @Test
    void everyFieldOfAnOperatorsFileIsRead() throws IOException {
        String flavor = "{\"name\": \"paid\", \"type\": \"GPU\", \"promo_type\": \"NoDiscount\", \"status\": \"soldOut\","
                + " \"storage_list\": [\"evs\", \"obs\"], \"params\": {\"GPU\": 2, \"ratio\": 0.5, \"gpu_type\": \"T4\"},"
                + " \"store_time\": 24, \"billing_flavor\": \"bill.gpu\", \"billing_params\": 2}";
        String free = "{\"name\": \"free\", \"type\": \"ASCEND\", \"promo_type\": \"Free\", \"duration\": 1800}";
        String profile = "{\"id\": \"p\", \"name\": \"Profile P\", \"description\": \"for GPUs\", \"flavor_types\": [\"GPU\"],"
                + " \"image\": {\"namespace\": \"n\", \"name\": \"i\", \"tag\": \"t\"}, \"labels\": {\"engine\": \"torch\"}}";

        JsonCatalog catalog = JsonCatalog.fromFile(write(catalog(flavor + ", " + free, profile)));

        assertThat(catalog.flavors()).containsExactly(
                new Flavor("paid", FlavorType.GPU, PromoType.NO_DISCOUNT, SaleStatus.SOLD_OUT,
                        List.of(StorageType.EVS, StorageType.OBS), LinkedHashMap.of("GPU", 2, "ratio", 0.5, "gpu_type", "T4"),
                        Option.none(), 24, Option.some("bill.gpu"), Option.some(2)),
                new Flavor("free", FlavorType.ASCEND, PromoType.FREE, SaleStatus.ON_SALE, List.of(StorageType.values()),
                        LinkedHashMap.empty(), Option.some(Duration.ofSeconds(1_800)), -1, Option.none(), Option.none()));
        assertThat(catalog.profiles()).containsExactly(new Profile("p", "Profile P", "for GPUs", HashSet.of(FlavorType.GPU),
                new Profile.Image("n", "i", "t"), LinkedHashMap.of("engine", "torch")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                     | {"flavors": [                                       | is not valid JSON at line 1
            trailing garbage             | {"flavors": [], "profiles": []} x                   | is not valid JSON
            a duplicate key              | {"flavors": [], "flavors": []}                      | is not valid JSON
            not an object                | [1, 2]                                              | the document: must be a JSON object
            an unknown top-level field   | {"flavours": []}                                    | flavours: is not a known field (known: flavors, profiles)
            no flavors                   | {"profiles": [PROFILE]}                             | flavors: is required
            an empty flavor list         | {"flavors": [], "profiles": [PROFILE]}              | flavors: must hold at least one entry
            no profiles                  | {"flavors": [FLAVOR]}                               | profiles: is required
            flavors not an array         | {"flavors": {}, "profiles": [PROFILE]}              | flavors: must be an array
            a flavor not an object       | {"flavors": [FLAVOR, 3], "profiles": [PROFILE]}     | flavors[1]: must be a JSON object
            a flavor without a name      | {"flavors": [{"type": "CPU"}], "profiles": [PROFILE]} | flavors[0].name: is required
            a blank flavor name          | {"flavors": [{"name": " ", "type": "CPU"}], "profiles": [PROFILE]} | flavors[0].name: must be a non-empty string
            an unknown flavor type       | {"flavors": [{"name": "f", "type": "TPU"}], "profiles": [PROFILE]} | flavors[0].type: 'TPU' is not one of CPU, GPU, ASCEND
            a flavor type of wrong case  | {"flavors": [{"name": "f", "type": "cpu"}], "profiles": [PROFILE]} | flavors[0].type: 'cpu' is not one of CPU, GPU, ASCEND
            an unknown promo type        | {"flavors": [{"name": "f", "type": "CPU", "promo_type": "Cheap"}], "profiles": [PROFILE]} | flavors[0].promo_type: 'Cheap' is not one of Free, NoDiscount
            a misspelt flavor field      | {"flavors": [{"name": "f", "type": "CPU", "param": {}}], "profiles": [PROFILE]} | flavors[0].param: is not a known field
            a free flavor with no stop   | {"flavors": [{"name": "f", "type": "CPU", "promo_type": "Free"}], "profiles": [PROFILE]} | flavors[0].duration: is required for a free flavor
            a paid flavor with a stop    | {"flavors": [{"name": "f", "type": "CPU", "duration": 3600}], "profiles": [PROFILE]} | flavors[0].duration: applies only to free flavors
            a zero duration              | {"flavors": [{"name": "f", "type": "CPU", "promo_type": "Free", "duration": 0}], "profiles": [PROFILE]} | flavors[0].duration: must be a positive number of seconds
            a duration as text           | {"flavors": [{"name": "f", "type": "CPU", "promo_type": "Free", "duration": "3600"}], "profiles": [PROFILE]} | flavors[0].duration: must be an integer
            a store time below -1        | {"flavors": [{"name": "f", "type": "CPU", "store_time": -2}], "profiles": [PROFILE]} | flavors[0].store_time: must be -1 (for ever) or a number of hours
            an unknown storage type      | {"flavors": [{"name": "f", "type": "CPU", "storage_list": ["obs", "nfs"]}], "profiles": [PROFILE]} | flavors[0].storage_list[1]: 'nfs' is not one of obs, obsfs, evs
            an empty storage list        | {"flavors": [{"name": "f", "type": "CPU", "storage_list": []}], "profiles": [PROFILE]} | flavors[0].storage_list: must not be empty
            a param that is an object    | {"flavors": [{"name": "f", "type": "CPU", "params": {"CPU": {"count": 2}}}], "profiles": [PROFILE]} | flavors[0].params.CPU: must be a string or a number
            billing flavor without params | {"flavors": [{"name": "f", "type": "CPU", "billing_flavor": "b"}], "profiles": [PROFILE]} | flavors[0]: billing flavor and billing params of f go together
            a flavor without a type      | {"flavors": [FLAVOR, {"name": "x"}, FLAVOR], "profiles": [PROFILE]} | flavors[1].type: is required
            a repeated flavor name       | {"flavors": [FLAVOR, {"name": "g", "type": "GPU"}, FLAVOR], "profiles": [PROFILE]} | flavors[2].name: 'f' is already used by flavors[0]
            a repeated profile id        | {"flavors": [FLAVOR], "profiles": [PROFILE, PROFILE]} | profiles[1].id: 'p' is already used by profiles[0]
            a profile without an id      | {"flavors": [FLAVOR], "profiles": [{"flavor_types": ["CPU"]}]} | profiles[0].id: is required
            a profile for no hardware    | {"flavors": [FLAVOR], "profiles": [{"id": "p", "flavor_types": [], "image": {"namespace": "n", "name": "i", "tag": "t"}}]} | profiles[0].flavor_types: must not be empty
            a profile without an image   | {"flavors": [FLAVOR], "profiles": [{"id": "p", "flavor_types": ["CPU"]}]} | profiles[0].image: is required
            an image without a tag       | {"flavors": [FLAVOR], "profiles": [{"id": "p", "flavor_types": ["CPU"], "image": {"namespace": "n", "name": "i"}}]} | profiles[0].image.tag: is required
            a label that is a number     | {"flavors": [FLAVOR], "profiles": [{"id": "p", "flavor_types": ["CPU"], "image": {"namespace": "n", "name": "i", "tag": "t"}, "labels": {"v": 1}}]} | profiles[0].labels.v: must be a string
            """)
    void aBrokenFileIsRefusedWithAMessageNamingTheFileAndTheProblem(String problem, String document, String expected)
            throws IOException {
        Path file = write(document.replace("FLAVOR", VALID_FLAVOR).replace("PROFILE", VALID_PROFILE));

        assertThatThrownBy(() -> JsonCatalog.fromFile(file))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageStartingWith("catalog file " + file)
                .hasMessageContaining(expected);
    }

    @Test
    void aMissingFileIsRefusedWithAMessageNamingIt() {
        Path missing = directory.resolve("nowhere.json");

        assertThatThrownBy(() -> JsonCatalog.fromFile(missing))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessage("catalog file " + missing + " does not exist");
    }

    private static String catalog(String flavors, String profiles) {
        return "{\"flavors\": [" + flavors + "], \"profiles\": [" + profiles + "]}";
    }

    private Path write(String document) throws IOException {
        return Files.writeString(directory.resolve("catalog.json"), document);
    }
}
