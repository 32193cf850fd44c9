package i18n

func init() { register(zhAudit, false) }

// zhAudit: the keyed audit chain, its key file and checkpoints.
var zhAudit = map[string]string{
	"cannot add a key to the audit key file %s: %s":                                  "无法向审计密钥文件 %s 添加密钥：%s",
	"you cannot take away your own admin role":                                       "不能取消自己的管理员角色",
	"not a Qianxiang audit checkpoint":                                               "不是千项平台的审计检查点文件",
	"audit checkpoint version %d is newer than this program understands":             "审计检查点版本 %d 高于本程序支持的版本",
	"audit key file %s: line %d is not \"ID BASE64-KEY\" of a key made by qianxiang": "审计密钥文件 %s：第 %d 行不是本平台生成的“ID BASE64密钥”",
	"audit key file %s holds no key":                                                 "审计密钥文件 %s 中没有密钥",
	"the audit trail of this database is keyed (key %s) but the audit key file %s is missing; give the file with --audit-key or QIANXIANG_AUDIT_KEY_FILE": "该数据库的审计链已用密钥（%s）签名，但审计密钥文件 %s 不存在；请用 --audit-key 或 QIANXIANG_AUDIT_KEY_FILE 指定该文件",
	"audit key file %s: %s": "审计密钥文件 %s：%s",
	"the audit key file %s does not hold key %s, which signed this database's newest audit entries; give the right file with --audit-key":                                             "审计密钥文件 %s 中没有密钥 %s（该库最新审计记录由其签名）；请用 --audit-key 指定正确的文件",
	"the backup's audit trail was signed with audit key %s, which is not in the audit key file %s; restore with --audit-key naming the key file of the database the backup came from": "备份中的审计链由审计密钥 %s 签名，而审计密钥文件 %s 中没有该密钥；请用 --audit-key 指定备份来源数据库的密钥文件后再恢复",
	"role": "角色",
	"is required: choose the checkpoint file": "为必填项：请选择检查点文件",
	// actions of the trail
	"create_token":                 "签发令牌",
	"revoke_token":                 "吊销令牌",
	"login":                        "登录",
	"logout":                       "退出登录",
	"change_role":                  "变更角色",
	"seal":                         "启用密钥审计链",
	"rotate_key":                   "轮换审计密钥",
	"api_tokens":                   "API 令牌",
	"sessions":                     "登录会话",
	"checkpoint":                   "检查点",
	"Checkpoint":                   "检查点",
	"Download a signed checkpoint": "下载签名检查点",
	"Verify against a checkpoint":  "对照检查点校验",
	"Checkpoint file":              "检查点文件",
	"The checkpoint holds: entry %d is unchanged.": "检查点核对无误：第 %d 条记录未被改动。",
	"Keep checkpoints away from the server (another machine, a printed copy): verification against one shows whether history before it was cut or rewritten.": "请将检查点保存在服务器之外（另一台机器或打印件）：对照检查点校验可发现其之前的历史是否被截断或改写。",
}
