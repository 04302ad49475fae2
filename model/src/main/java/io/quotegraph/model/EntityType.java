package io.quotegraph.model;

public enum EntityType { PERSON, ORGANIZATION, LOCATION, COUNTRY, OTHER }
