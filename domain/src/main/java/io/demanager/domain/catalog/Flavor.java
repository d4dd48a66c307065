package io.demanager.domain.catalog;

import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * A flavor of the catalog: the machine an instance runs on.
 *
 * @param autoStopDuration the mandatory auto stop of a free flavor ({@code flavor_details.duration})
 * @param storeTimeHours   how long an inactive instance of this flavor is kept; -1 for ever
 * @param params           descriptive parameters such as CPU, GPU, gpu_type, memory (values are strings or numbers)
 */
public record Flavor(
        String name,
        FlavorType type,
        PromoType promoType,
        SaleStatus saleStatus,
        List<StorageType> storageTypes,
        Map<String, Object> params,
        Option<Duration> autoStopDuration,
        int storeTimeHours,
        Option<String> billingFlavor,
        Option<Integer> billingParams) {

    public Flavor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(promoType, "promoType");
        Objects.requireNonNull(saleStatus, "saleStatus");
        Objects.requireNonNull(storageTypes, "storageTypes");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(autoStopDuration, "autoStopDuration");
        Objects.requireNonNull(billingFlavor, "billingFlavor");
        Objects.requireNonNull(billingParams, "billingParams");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a flavor needs a name");
        }
        if (promoType == PromoType.FREE && autoStopDuration.isEmpty()) {
            throw new IllegalArgumentException("free flavor " + name + " needs an auto stop duration");
        }
        if (storeTimeHours < -1) {
            throw new IllegalArgumentException("store time of " + name + " is -1 (for ever) or a number of hours");
        }
        if (billingFlavor.isDefined() != billingParams.isDefined()) {
            throw new IllegalArgumentException("billing flavor and billing params of " + name + " go together");
        }
    }

    public boolean isFree() {
        return promoType == PromoType.FREE;
    }

    /**
     * How long an inactive instance of this flavor is kept before it is deleted: only a free flavor's store time
     * bounds it; none when it is kept for ever (a store time of -1, or a paid flavor).
     */
    public Option<Duration> retention() {
        return isFree() && storeTimeHours >= 0 ? Option.some(Duration.ofHours(storeTimeHours)) : Option.none();
    }

    public boolean isSoldOut() {
        return saleStatus == SaleStatus.SOLD_OUT;
    }
}
