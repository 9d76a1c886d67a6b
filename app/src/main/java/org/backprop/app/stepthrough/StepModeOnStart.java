package org.backprop.app.stepthrough;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.backprop.engine.stepthrough.ParameterRef;

/**
 * Opens the window in step mode, for screenshots and lessons prepared in advance:
 * {@code -Dworkbench.stepmode=true}, optionally {@code -Dworkbench.stepmode.step=N} (1-based)
 * and {@code -Dworkbench.stepmode.chain=LAYER,W,ROW,COLUMN} (or {@code LAYER,b,UNIT}) to show
 * a parameter's chain, DL4J's 0-based indices as in the explain command's table.
 */
public final class StepModeOnStart {
    static final String STEP_MODE = "workbench.stepmode";
    static final String STEP = "workbench.stepmode.step";
    static final String CHAIN = "workbench.stepmode.chain";

    private StepModeOnStart() {}

    public static void install(StepThroughViewModel vm) {
        if (!Boolean.getBoolean(STEP_MODE)) return;
        int step = Integer.getInteger(STEP, 1) - 1;
        ParameterRef chain = parameter(System.getProperty(CHAIN));
        ChangeListener<StepThroughViewModel.Status> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends StepThroughViewModel.Status> o,
                                StepThroughViewModel.Status was, StepThroughViewModel.Status now) {
                if (now != StepThroughViewModel.Status.READY) return;
                vm.statusProperty().removeListener(this);
                if (chain != null) vm.showChain(chain);
                vm.goTo(step);
            }
        };
        vm.statusProperty().addListener(once);
        vm.activeProperty().set(true);
    }

    /** "hidden,W,0,0", "hidden,RW,1,0" (an Elman layer's recurrent weight) or "output,b,0"; null for null or anything else. */
    static ParameterRef parameter(String spec) {
        if (spec == null) return null;
        String[] p = spec.split(",");
        try {
            if (p.length == 4 && p[1].trim().equals("W")) {
                return ParameterRef.weight(p[0].trim(), Integer.parseInt(p[2].trim()), Integer.parseInt(p[3].trim()));
            }
            if (p.length == 4 && p[1].trim().equals("RW")) {
                return ParameterRef.recurrent(p[0].trim(), Integer.parseInt(p[2].trim()), Integer.parseInt(p[3].trim()));
            }
            if (p.length == 3 && p[1].trim().equals("b")) return ParameterRef.bias(p[0].trim(), Integer.parseInt(p[2].trim()));
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
