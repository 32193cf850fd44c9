package qianxiang

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
)

var moneyType = reflect.TypeFor[Money]()

// amountTypeError carries a refused amount through encoding/json, which
// adds the path of the field only to errors of this type.
func amountTypeError(text string) error {
	return &json.UnmarshalTypeError{Value: "number " + shorten(text), Type: moneyType}
}

// AmountError turns the error of decoding JSON into one naming the field
// whose amount was refused and why ("completed: 12.345 has more than two
// decimals"); nil when err is not about an amount.
func AmountError(err error) *Error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Type != moneyType {
		return nil
	}
	field := te.Field
	if field == "" {
		field = "amount"
	}
	_, perr := ParseMoney(strings.TrimPrefix(te.Value, "number "))
	e := AsError(perr)
	if e == nil {
		if strings.HasPrefix(te.Value, "number ") {
			return FieldError(field, "is not an amount")
		}
		return FieldError(field, "must be a number of 万元 such as 1234.56")
	}
	return FieldError(field, e.Format, e.Args...)
}
