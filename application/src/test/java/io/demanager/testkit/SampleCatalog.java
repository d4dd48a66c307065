package io.demanager.testkit;

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

/**
 * A few flavors and profiles, named as ModelArts names them, that cover each kind the rules tell apart: paid CPU and
 * GPU, free, sold out.
 */
public final class SampleCatalog {

    public static final Flavor CPU = new Flavor("modelarts.vm.cpu.2u", FlavorType.CPU, PromoType.NO_DISCOUNT,
            SaleStatus.ON_SALE, List.of(StorageType.values()), LinkedHashMap.of("CPU", 2, "memory", "8GiB"),
            Option.none(), -1, Option.none(), Option.none());
    public static final Flavor GPU = new Flavor("modelarts.bm.gpu.v100NV32", FlavorType.GPU, PromoType.NO_DISCOUNT,
            SaleStatus.ON_SALE, List.of(StorageType.values()),
            LinkedHashMap.of("CPU", 8, "GPU", 1, "gpu_type", "v100NV32", "memory", "64GiB"),
            Option.none(), -1, Option.none(), Option.none());
    public static final Flavor FREE_CPU = new Flavor("modelarts.vm.cpu.free", FlavorType.CPU, PromoType.FREE,
            SaleStatus.ON_SALE, List.of(StorageType.values()), LinkedHashMap.of("CPU", 2, "memory", "8GiB"),
            Option.some(Duration.ofHours(1)), 72, Option.none(), Option.none());
    public static final Flavor SOLD_OUT = new Flavor("modelarts.vm.cpu.8u", FlavorType.CPU, PromoType.NO_DISCOUNT,
            SaleStatus.SOLD_OUT, List.of(StorageType.values()), LinkedHashMap.of("CPU", 8, "memory", "32GiB"),
            Option.none(), -1, Option.none(), Option.none());

    public static final Profile CPU_PROFILE = new Profile("Python3", "Python3", "Python 3, for CPU", HashSet.of(FlavorType.CPU),
            new Profile.Image("atelier", "notebook-python3-cpu", "1.0.0"), LinkedHashMap.empty());
    public static final Profile GPU_PROFILE = new Profile("Python3-gpu", "Python3", "multi engine, gpu, python 3.6 for notebook",
            HashSet.of(FlavorType.GPU), new Profile.Image("atelier", "mul-kernel-gpu-cuda-cp36", "2.0.5-B003"), LinkedHashMap.empty());

    private SampleCatalog() {
    }

    /** A catalog offering every sample above. */
    public static FakeCatalog catalog() {
        return new FakeCatalog(List.of(GPU, CPU, SOLD_OUT, FREE_CPU), List.of(GPU_PROFILE, CPU_PROFILE));
    }
}
