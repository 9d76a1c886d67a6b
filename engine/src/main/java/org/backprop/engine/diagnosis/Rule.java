package org.backprop.engine.diagnosis;

import org.backprop.engine.telemetry.Telemetry;

import java.util.List;

/** One check of the diagnosis: reads the telemetry of a run, returns what it found (often nothing). */
public interface Rule {
    List<Finding> check(Telemetry telemetry);
}
