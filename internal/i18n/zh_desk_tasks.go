package i18n

func init() { register(zhDeskTasks, false) }

// zhDeskTasks: the leader's key tasks on the desk and the task's
// responsible city leader.
var zhDeskTasks = map[string]string{
	"My tasks":                       "我的任务",
	"key tasks I am responsible for": "我负责的重点任务",
	"the key-task ledger":            "重点任务台账",
	"Responsible leader":             "责任领导",
	"No key task names this leader as its 责任领导.": "没有重点任务将该领导列为责任领导。",
}
