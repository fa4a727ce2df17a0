package org.benchtop.knimestub.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Reflection helpers for the test helpers (reach protected and package-private stub members). */
final class StubReflection {

    private StubReflection() {
    }

    static Method method(final Class<?> owner, final String name, final Class<?>... params) {
        try {
            Method m = owner.getDeclaredMethod(name, params);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Stub member missing: " + owner.getName() + "#" + name, e);
        }
    }

    static Object invoke(final Method m, final Object target, final Object... args) throws Exception {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception)cause;
            }
            if (cause instanceof Error) {
                throw (Error)cause;
            }
            throw e;
        }
    }

    /** Invokes a method that declares no checked exception. */
    static Object invokeUnchecked(final Method m, final Object target, final Object... args) {
        try {
            return invoke(m, target, args);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T construct(final Class<T> type, final Class<?>[] params, final Object... args) {
        try {
            Constructor<T> c = type.getDeclaredConstructor(params);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException)e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Stub constructor missing: " + type.getName(), e);
        }
    }
}
