// Package qianxiang is the domain of the Qianxiang command platform: the
// types of a city's annual "千项千亿" campaign, the rules that govern them
// (who may do what, how a light is computed, what a quorum is) and the
// errors users see. It imports neither database/sql nor net/http: storage
// lives in store/, HTTP in web/, workbooks in excel/, and the service layer
// that enforces the rules for every caller in app/.
package qianxiang
