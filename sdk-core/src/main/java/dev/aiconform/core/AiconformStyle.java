package dev.aiconform.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style shared by every AIConform value type: JDK collections only, public
 * {@code Immutable*} implementations reached through each type's static {@code builder()}.
 *
 * <pre>{@code
 * @Value.Immutable @AiconformStyle
 * public interface GangRole { String name(); int replicas(); }
 * }</pre>
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeImmutable = "Immutable*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    jdkOnly = true,
    depluralize = true,
    allParameters = false,
    defaults = @Value.Immutable(copy = true))
public @interface AiconformStyle {}
