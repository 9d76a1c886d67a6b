package org.backprop.engine.diagnosis;

/** How urgent a finding is; findings are listed most severe first. */
public enum Severity { INFO, WARNING, CRITICAL }
