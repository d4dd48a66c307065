package io.demanager.application.fakes;

import io.demanager.domain.catalog.Flavor;
import io.demanager.domain.catalog.FlavorType;
import io.demanager.domain.catalog.Profile;
import io.demanager.domain.catalog.PromoType;
import io.demanager.domain.catalog.SaleStatus;
import io.demanager.domain.catalog.StorageType;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;

/** A few flavors and profiles that cover each kind the rules tell apart. */
public final class SampleCatalog {

    public static final Flavor CPU = new Flavor("modelarts.vm.cpu.2u", FlavorType.CPU, PromoType.NO_DISCOUNT,
            SaleStatus.ON_SALE, List.of(StorageType.values()), LinkedHashMap.of("CPU", 2, "memory", "8GiB"),
            Option.none(), -1, Option.none(), Option.none());
    public static final Flavor GPU = new Flavor("modelarts.vm.gpu.v100", FlavorType.GPU, PromoType.NO_DISCOUNT,
            SaleStatus.ON_SALE, List.of(StorageType.values()),
            LinkedHashMap.of("CPU", 8, "GPU", 1, "gpu_type", "V100", "memory", "64GiB"),
            Option.none(), -1, Option.none(), Option.none());
    public static final Flavor FREE_CPU = new Flavor("modelarts.vm.cpu.free", FlavorType.CPU, PromoType.FREE,
            SaleStatus.ON_SALE, List.of(StorageType.values()), LinkedHashMap.empty(), Option.some(Duration.ofHours(1)), 72,
            Option.none(), Option.none());
    public static final Flavor SOLD_OUT = new Flavor("modelarts.vm.cpu.8u", FlavorType.CPU, PromoType.NO_DISCOUNT,
            SaleStatus.SOLD_OUT, List.of(StorageType.values()), LinkedHashMap.empty(), Option.none(), -1,
            Option.none(), Option.none());

    public static final Profile CPU_PROFILE = profile("Python3", FlavorType.CPU, "notebook-python3-cpu");
    public static final Profile GPU_PROFILE = profile("Python3-gpu", FlavorType.GPU, "notebook-python3-gpu");

    private SampleCatalog() {
    }

    /** A catalog offering every sample above. */
    public static FakeCatalog catalog() {
        return new FakeCatalog(List.of(CPU, GPU, FREE_CPU, SOLD_OUT), List.of(CPU_PROFILE, GPU_PROFILE));
    }

    private static Profile profile(String id, FlavorType type, String imageName) {
        return new Profile(id, id, "Sample profile " + id, HashSet.of(type),
                new Profile.Image("atelier", imageName, "1.0.0"), LinkedHashMap.empty());
    }

}
