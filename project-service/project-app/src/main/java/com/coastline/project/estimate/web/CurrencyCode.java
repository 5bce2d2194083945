package com.coastline.project.estimate.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import com.coastline.project.estimate.Currencies;

/** An upper-case ISO 4217 code of a currency with minor units ({@link Currencies}); null is left to {@code @NotNull}. */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CurrencyCode.Validator.class)
@interface CurrencyCode {

	String message() default "must be an ISO 4217 currency code, like USD";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<CurrencyCode, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || Currencies.isValid(value);
		}
	}
}
