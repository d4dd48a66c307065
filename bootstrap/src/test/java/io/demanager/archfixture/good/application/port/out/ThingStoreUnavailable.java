package io.demanager.archfixture.good.application.port.out;

/** A port may declare the unchecked failure its implementations throw. */
public class ThingStoreUnavailable extends RuntimeException {

    public ThingStoreUnavailable(String message) {
        super(message);
    }
}
