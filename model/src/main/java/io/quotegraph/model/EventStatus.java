package io.quotegraph.model;

/** How far an event has come: it took place, it is arranged to take place, or someone wants it to. */
public enum EventStatus {
    HAPPENED,
    PLANNED,
    PROPOSED
}
