package com.coastline.project.invoice.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.coastline.project.estimate.Currencies;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An upper-case ISO 4217 code of a currency with minor units ({@link Currencies}); null is left to {@code @NotNull}. */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Iso4217.Validator.class)
@interface Iso4217 {

	String message() default "must be an ISO 4217 currency code, like USD";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<Iso4217, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || Currencies.isValid(value);
		}
	}
}
