package io.demanager.domain.catalog;

public enum SaleStatus {
    ON_SALE("onSale"), SOLD_OUT("soldOut");

    private final String wireName;

    SaleStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
