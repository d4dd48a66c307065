package io.demanager.archfixture.adapterusesbootstrap.bootstrap;

public record Settings(int port) {
}
