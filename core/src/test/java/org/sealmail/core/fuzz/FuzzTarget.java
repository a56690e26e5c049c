package org.sealmail.core.fuzz;

import org.sealmail.core.SmimeException;

/**
 * One parser as hostile input reaches it. Returning normally and throwing {@link SmimeException}
 * are the only acceptable outcomes; {@link FuzzTargets} holds the adapters, one per target, so a
 * target can be re-pointed at a new API in one place.
 */
public interface FuzzTarget {

    String name();

    void run(byte[] input) throws SmimeException;

    static FuzzTarget of(String name, Body body) {
        return new FuzzTarget() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(byte[] input) throws SmimeException {
                body.run(input);
            }
        };
    }

    @FunctionalInterface
    interface Body {
        void run(byte[] input) throws SmimeException;
    }
}
