package io.demanager.domain.catalog;

/** A free flavor carries a mandatory auto stop and a capacity; the others are paid for. */
public enum PromoType {
    FREE("Free"), NO_DISCOUNT("NoDiscount");

    private final String wireName;

    PromoType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
