package com.coastline.platform.web.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every error of a controller as an RFC 9457 {@code application/problem+json} body: Spring
 * MVC's own errors (through {@link ResponseEntityExceptionHandler}), validation, persistence
 * conflicts, {@link ProblemException}s, and anything unexpected as a 500 whose body says nothing
 * about the cause (it is logged instead).
 * <p>
 * A service's own {@code @RestControllerAdvice} runs first when ordered before this one.
 */
@RestControllerAdvice
public class RestProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(RestProblemHandler.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
		ProblemDetail problem = ex.category().problem(ex.getMessage());
		problem.setType(ex.type());
		problem.setTitle(ex.title());
		ex.properties().forEach(problem::setProperty);
		log.debug("{} answered as {}", ex.getClass().getSimpleName(), problem.getType());
		return handleExceptionInternal(ex, problem, ex.headers(), ex.category().status(), request);
	}

	/** Optimistic locking: someone else changed the row since the caller read it. */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> handleOptimisticLocking(OptimisticLockingFailureException ex, WebRequest request) {
		log.debug("Optimistic locking failure", ex);
		return problem(ex, ProblemType.CONFLICT,
				"The resource was changed by someone else; read it again and retry.", request);
	}

	/**
	 * Unique, foreign-key and check constraints. The database's message names tables and may quote
	 * values (emails, say), so neither the answer nor an info log carries it.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> handleDataIntegrity(DataIntegrityViolationException ex, WebRequest request) {
		log.debug("Data integrity violation answered as 409", ex);
		return problem(ex, ProblemType.CONFLICT, "The request conflicts with existing data.", request);
	}

	/** Bean validation of {@code @Validated} service methods. */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<Map<String, Object>> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> fieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList();
		return validationFailed(ex, errors, new HttpHeaders(), request);
	}

	/**
	 * Security exceptions thrown by method security belong to the security filter chain, which
	 * answers 401 or 403; a handler here would turn them into 500s.
	 */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void rethrowSecurityException(RuntimeException ex) {
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error on {}", describe(request), ex);
		return problem(ex, ProblemType.INTERNAL_ERROR, "An unexpected error occurred.", request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validationFailed(ex, errorsOf(ex.getBindingResult()), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.isForReturnValue()) {
			return handleUnexpected(ex, request);
		}
		List<Map<String, Object>> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors parameterErrors) {
				parameterErrors.getFieldErrors().forEach((error) -> errors.add(fieldError(error)));
				parameterErrors.getGlobalErrors()
					.forEach((error) -> errors.add(fieldError(parameterName(result), error.getDefaultMessage())));
			}
			else {
				for (MessageSourceResolvable error : result.getResolvableErrors()) {
					errors.add(fieldError(parameterName(result), error.getDefaultMessage()));
				}
			}
		}
		for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
			errors.add(fieldError(null, error.getDefaultMessage()));
		}
		return validationFailed(ex, errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// The parser's message may echo the input; the caller learns only that the body is unreadable.
		log.debug("Unreadable request body", ex);
		ProblemDetail problem = ProblemType.BAD_REQUEST.problem("The request body is missing or is not readable JSON.");
		return handleExceptionInternal(ex, problem, headers, ProblemType.BAD_REQUEST.status(), request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		ProblemDetail problem = ProblemType.BAD_REQUEST.problem("'" + name + "' must be a " + expected + ".");
		problem.setProperty("parameter", name);
		return handleExceptionInternal(ex, problem, headers, ProblemType.BAD_REQUEST.status(), request);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemType.NOT_FOUND.problem("No resource at this path.");
		return handleExceptionInternal(ex, problem, headers, ProblemType.NOT_FOUND.status(), request);
	}

	private ResponseEntity<Object> problem(Exception ex, ProblemType type, String detail, WebRequest request) {
		return handleExceptionInternal(ex, type.problem(detail), new HttpHeaders(), type.status(), request);
	}

	private ResponseEntity<Object> validationFailed(Exception ex, List<Map<String, Object>> errors, HttpHeaders headers,
			WebRequest request) {
		ProblemDetail problem = ProblemType.VALIDATION_FAILED.problem("The request has invalid values.");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, ProblemType.VALIDATION_FAILED.status(), request);
	}

	private static List<Map<String, Object>> errorsOf(BindingResult result) {
		List<Map<String, Object>> errors = new ArrayList<>();
		result.getFieldErrors().forEach((error) -> errors.add(fieldError(error)));
		result.getGlobalErrors().forEach((error) -> errors.add(fieldError(null, error.getDefaultMessage())));
		return errors;
	}

	private static Map<String, Object> fieldError(FieldError error) {
		return fieldError(error.getField(), error.getDefaultMessage());
	}

	private static Map<String, Object> fieldError(String field, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

	private static String parameterName(ParameterValidationResult result) {
		String name = result.getMethodParameter().getParameterName();
		return (name != null) ? name : "arg" + result.getMethodParameter().getParameterIndex();
	}

	private static String describe(WebRequest request) {
		HttpServletRequest servletRequest = (request instanceof ServletWebRequest servletWebRequest)
				? servletWebRequest.getRequest() : null;
		return (servletRequest != null) ? servletRequest.getMethod() + " " + servletRequest.getRequestURI()
				: request.getDescription(false);
	}
}
