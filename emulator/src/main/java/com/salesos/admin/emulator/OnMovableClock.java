package com.salesos.admin.emulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link LambdaApi} parameter resolved by {@link LocalAwsExtension}: the function runs on the
 * test class's {@link com.salesos.admin.testing.MovableClock} instead of the system clock, so the test moves time by hand.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface OnMovableClock {
}
