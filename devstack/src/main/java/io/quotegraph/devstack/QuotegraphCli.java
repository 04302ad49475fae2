package io.quotegraph.devstack;

public final class QuotegraphCli {
    public static void main(String[] args) {
    }
}
