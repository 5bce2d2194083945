package com.coastline.automation.automation.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The text names a constant of the enum. Requests carry enum values as text so that an unknown one is
 * reported as a field error naming the allowed values, not as an unreadable body.
 */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface OneOf {

	Class<? extends Enum<?>> value();

	String message() default "must be one of the allowed values";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<OneOf, String> {

		private Set<String> allowed;

		@Override
		public void initialize(OneOf annotation) {
			allowed = Arrays.stream(annotation.value().getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || allowed.contains(value)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("must be one of " + allowed.stream().sorted().toList())
				.addConstraintViolation();
			return false;
		}
	}
}
