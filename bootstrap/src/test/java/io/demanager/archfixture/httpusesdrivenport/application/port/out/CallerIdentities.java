package io.demanager.archfixture.httpusesdrivenport.application.port.out;

import java.util.Optional;

public interface CallerIdentities {

    Optional<String> userOf(String token);
}
