<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddendumDialog</name>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="337"/>
        <source>Addendum to a signed assessment</source>
        <translation>已签名面诊的补充记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="339"/>
        <source>&amp;Addendum</source>
        <translation>补充记录(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="340"/>
        <source>Sign &amp;addendum</source>
        <translation>签署补充记录(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ArrivalsList</name>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="176"/>
        <source>Find in the list: name, record number or mobile digits (Ctrl+F)</source>
        <translation>在列表中查找：姓名、病历号或手机号数字（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="178"/>
        <source>Enter or Ctrl+Return checks the chosen patient in.</source>
        <translation>按 Enter 或 Ctrl+Return 为所选患者签到。</translation>
    </message>
</context>
<context>
    <name>ArrivalsModel</name>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="73"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="73"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="73"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="73"/>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="74"/>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="74"/>
        <source>Room / device</source>
        <translation>诊室 / 设备</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="74"/>
        <source>Here?</source>
        <translation>到院？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="86"/>
        <source>Here since {time}</source>
        <translation>{time} 已到</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="88"/>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="90"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="95"/>
        <source>Late {minutes} min</source>
        <translation>迟到 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="93"/>
        <source>Expected</source>
        <translation>待到院</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="96"/>
        <source>Late {hours} h {minutes} min</source>
        <translation>迟到 {hours} 小时 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/arrivals_list.py" line="128"/>
        <source>{name} (lead)</source>
        <translation>{name}（意向客户）</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="256"/>
        <source>Doctor&apos;s assessment</source>
        <translation>医生面诊</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="258"/>
        <source>None recorded.</source>
        <translation>无记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="261"/>
        <source>Allergies and history</source>
        <translation>过敏史与病史</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="262"/>
        <source>I have checked these with the patient</source>
        <translation>已与患者核实以上情况</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="264"/>
        <source>Chief &amp;complaint</source>
        <translation>主诉(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="269"/>
        <source>Skin type (Fitzpatrick)</source>
        <translation>皮肤类型（Fitzpatrick）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="270"/>
        <source>Skin condition</source>
        <translation>皮肤状况</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="271"/>
        <source>Areas examined</source>
        <translation>检查部位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="276"/>
        <source>&amp;Diagnosis</source>
        <translation>诊断(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="277"/>
        <source>Diagnosis notes</source>
        <translation>诊断说明</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="278"/>
        <source>&amp;Recommendation</source>
        <translation>建议(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="279"/>
        <source>Save and si&amp;gn</source>
        <translation>保存并签名(&amp;G)</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="81"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="82"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="83"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="84"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="85"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="86"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="87"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="94"/>
        <source>(system)</source>
        <translation>（系统）</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="191"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="195"/>
        <source>&amp;Staff</source>
        <translation>员工(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="196"/>
        <source>&amp;Patient</source>
        <translation>患者(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="197"/>
        <source>A&amp;ction</source>
        <translation>操作(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="198"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="199"/>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="204"/>
        <source>Record number or name</source>
        <translation>病历号或姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="205"/>
        <source>&amp;Search</source>
        <translation>查找(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="206"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="207"/>
        <source>Every row the filters match (Ctrl+E)</source>
        <translation>导出所有符合筛选条件的记录（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="210"/>
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="215"/>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="247"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="274"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="312"/>
        <source>No events match.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="314"/>
        <source>The newest {n} events; scroll for more.</source>
        <translation>最新的 {n} 条记录；向下滚动查看更多。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="316"/>
        <source>{n} events.</source>
        <translation>共 {n} 条记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="324"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="324"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="332"/>
        <source>Record id</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="334"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="338"/>
        <source>{n} events exported to {file}.</source>
        <translation>已将 {n} 条记录导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="348"/>
        <source>No patient matches.</source>
        <translation>没有匹配的患者。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_viewer.py" line="350"/>
        <source>Several patients match: type the record number.</source>
        <translation>匹配到多位患者：请输入病历号。</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="8"/>
        <source>Opened</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="9"/>
        <source>Opened the photos</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="10"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="11"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="12"/>
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="13"/>
        <source>Signed</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="14"/>
        <source>Addendum</source>
        <translation>补充记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="15"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="16"/>
        <source>Checked in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="17"/>
        <source>Moved on the queue</source>
        <translation>分诊状态变更</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="18"/>
        <source>Assigned</source>
        <translation>指派</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="19"/>
        <source>Arrived</source>
        <translation>到院</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="20"/>
        <source>No-shows marked</source>
        <translation>标记爽约</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="21"/>
        <source>Call recorded</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="22"/>
        <source>Snoozed</source>
        <translation>推迟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="23"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="24"/>
        <source>Saved</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="25"/>
        <source>Reprinted</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="26"/>
        <source>Scan attached</source>
        <translation>附上扫描件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="27"/>
        <source>Consent given</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="28"/>
        <source>Consent withdrawn</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="29"/>
        <source>Photo imported</source>
        <translation>导入照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="30"/>
        <source>Photos retagged</source>
        <translation>修改照片标签</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="31"/>
        <source>Photo hidden</source>
        <translation>隐藏照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="32"/>
        <source>Photos exported</source>
        <translation>导出照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="33"/>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="34"/>
        <source>Lot recall</source>
        <translation>批号追溯</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="35"/>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="36"/>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="37"/>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="38"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="39"/>
        <source>Account locked</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="40"/>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="41"/>
        <source>Roles changed</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="42"/>
        <source>Screen locked</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="43"/>
        <source>Photos encrypted</source>
        <translation>加密照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="44"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="45"/>
        <source>Backed up</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="46"/>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="47"/>
        <source>Clinic set up</source>
        <translation>创建诊所</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="48"/>
        <source>Demo data loaded</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="49"/>
        <source>Defaults installed</source>
        <translation>安装默认内容</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="53"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="54"/>
        <source>Visit</source>
        <translation>到院</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="55"/>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="56"/>
        <source>Assessment</source>
        <translation>医生评估</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="57"/>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="58"/>
        <source>Course</source>
        <translation>疗程</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="59"/>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="60"/>
        <source>Face chart</source>
        <translation>面部标记图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="61"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="62"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="63"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="64"/>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="65"/>
        <source>Booking</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="66"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="67"/>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="68"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="69"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="70"/>
        <source>Patient list</source>
        <translation>患者名单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="71"/>
        <source>Reminder list</source>
        <translation>提醒列表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="72"/>
        <source>Clinic setting</source>
        <translation>诊所设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="73"/>
        <source>Data key</source>
        <translation>数据密钥</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="74"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="75"/>
        <source>Stored photos</source>
        <translation>已存照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="76"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="77"/>
        <source>Pick list</source>
        <translation>选项列表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="78"/>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="79"/>
        <source>Photo tag</source>
        <translation>照片标签</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="80"/>
        <source>Document template</source>
        <translation>文书模板</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="81"/>
        <source>Product lot</source>
        <translation>产品批号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="82"/>
        <source>Reminder rule</source>
        <translation>提醒规则</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="83"/>
        <source>Room or device</source>
        <translation>诊室或设备</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/audit_words.py" line="84"/>
        <source>Catalogue item</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="46"/>
        <location filename="../../desktop_app/ui/backup_box.py" line="56"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="48"/>
        <source>Clinic Desk backups (*.cdbackup);;All files (*)</source>
        <translation>Clinic Desk 备份 (*.cdbackup);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="124"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="125"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="126"/>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="127"/>
        <source>Back up &amp;every day at</source>
        <translation>每天备份时间(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="128"/>
        <source>&amp;Keep the newest</source>
        <translation>保留最新(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="129"/>
        <source> backups</source>
        <translation> 份备份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="130"/>
        <source>&amp;Save schedule</source>
        <translation>保存计划(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="145"/>
        <source>No scheduled backup has run on this computer yet.</source>
        <translation>本机尚未执行过定时备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="150"/>
        <source>Last scheduled backup, {time}, failed: {reason}</source>
        <translation>上次定时备份（{time}）失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="153"/>
        <source>Last scheduled backup: {time}, verified, in {file}</source>
        <translation>上次定时备份：{time}，已校验，保存在 {file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="168"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="175"/>
        <source>Backed up and verified: {file}</source>
        <translation>已备份并校验：{file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="192"/>
        <source>Schedule saved.</source>
        <translation>备份计划已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="203"/>
        <source>Opening the backup…</source>
        <translation>正在打开备份…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="215"/>
        <source>Replace everything in the current database with the backup made {time} ({clinic}: {patients} patients, {photos} photos)?

A backup of the current data is made first. Everyone else must close Clinic Desk before you go on.</source>
        <translation>用 {time} 的备份（{clinic}：{patients} 位患者，{photos} 张照片）替换当前数据库中的全部数据？

会先备份当前数据。继续之前，其他人必须先关闭 Clinic Desk。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="229"/>
        <source>Backing up the current data, then restoring…</source>
        <translation>正在备份当前数据，然后恢复…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="234"/>
        <source>(it was empty)</source>
        <translation>（原数据库为空）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="236"/>
        <source>Restored. The data as it was before is backed up in {file}</source>
        <translation>已恢复。恢复前的数据已备份在 {file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_box.py" line="252"/>
        <source>The backup or restore did not go through.</source>
        <translation>备份或恢复未能完成。</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="100"/>
        <source>New booking</source>
        <translation>新建预约</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="185"/>
        <source>&amp;Starts</source>
        <translation>开始时间(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="186"/>
        <source>&amp;Patient</source>
        <translation>患者(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="187"/>
        <source>or a lead: &amp;name</source>
        <translation>或潜在客户：姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="188"/>
        <source>lead&apos;s &amp;mobile</source>
        <translation>潜在客户手机(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="189"/>
        <source>&amp;Item</source>
        <translation>项目(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="190"/>
        <source>&amp;Length (minutes)</source>
        <translation>时长（分钟）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="191"/>
        <source>&amp;Doctor</source>
        <translation>医生(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="192"/>
        <source>&amp;Consultant</source>
        <translation>咨询师(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="193"/>
        <source>&amp;Room</source>
        <translation>治疗室(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="194"/>
        <source>De&amp;vice</source>
        <translation>设备(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="195"/>
        <source>&amp;Invited by</source>
        <translation>邀约人(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="196"/>
        <source>S&amp;ource</source>
        <translation>来源(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="197"/>
        <source>No&amp;te</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="201"/>
        <source>Find… (F4)</source>
        <translation>查找…（F4）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="202"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="258"/>
        <source>(none — book for a lead)</source>
        <translation>（无 — 为潜在客户预约）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="321"/>
        <source>{headline} Nothing was saved. ({detail})</source>
        <translation>{headline} 未保存任何内容。（{detail}）</translation>
    </message>
</context>
<context>
    <name>BookingGrid</name>
    <message>
        <location filename="../../desktop_app/ui/booking_grid.py" line="130"/>
        <source>{title} (closed)</source>
        <translation>{title}（休息）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_grid.py" line="193"/>
        <source>Drag to another time or day (Alt+Up/Down, Alt+Left/Right); drag the bottom edge to change the length.</source>
        <translation>拖到其他时间或日期（Alt+上/下，Alt+左/右）；拖动下边缘可改变时长。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_grid.py" line="198"/>
        <source>Drag up or down to another time (Alt+Up/Down); drag the bottom edge to change the length.</source>
        <translation>上下拖动改到其他时间（Alt+上/下）；拖动下边缘可改变时长。</translation>
    </message>
</context>
<context>
    <name>BookingHistory</name>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="39"/>
        <source>The patient asked to reschedule</source>
        <translation>患者要求改期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="40"/>
        <source>The patient is ill</source>
        <translation>患者生病</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="41"/>
        <source>The doctor is not available</source>
        <translation>医生不能出诊</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="42"/>
        <source>Booked by mistake</source>
        <translation>预约有误</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="46"/>
        <source>booked</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="47"/>
        <source>moved</source>
        <translation>改时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="48"/>
        <source>length changed</source>
        <translation>改时长</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="49"/>
        <source>cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="50"/>
        <source>checked in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="51"/>
        <source>no-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="53"/>
        <source>checked in at the front desk</source>
        <translation>在前台签到</translation>
    </message>
</context>
<context>
    <name>BookingHistoryDialog</name>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="122"/>
        <source>Booking history</source>
        <translation>预约记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="128"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="128"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="128"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="129"/>
        <source>Booked for before</source>
        <translation>原预约时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="129"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Bookings</name>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="51"/>
        <source>The doctor</source>
        <translation>该医生</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="52"/>
        <source>The room</source>
        <translation>该治疗室</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="53"/>
        <source>The device</source>
        <translation>该设备</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_dialog.py" line="57"/>
        <source>{what} is booked then already: {name}, {start}–{end} ({day}).</source>
        <translation>{what}在该时段已有预约：{name}，{day} {start}–{end}。</translation>
    </message>
</context>
<context>
    <name>BookingsBar</name>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="13"/>
        <source>Doctors</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="14"/>
        <source>Consultants</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="15"/>
        <source>Rooms</source>
        <translation>诊室</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="16"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="70"/>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="71"/>
        <source>Previous day or week (Ctrl+Left)</source>
        <translation>前一天或前一周（Ctrl+左）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="72"/>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="73"/>
        <source>Next day or week (Ctrl+Right)</source>
        <translation>后一天或后一周（Ctrl+右）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="74"/>
        <source>Today (T)</source>
        <translation>今天 (T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="75"/>
        <source>Day (D)</source>
        <translation>日 (D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="76"/>
        <source>Week (W)</source>
        <translation>周 (W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="77"/>
        <source>Arrivals (A)</source>
        <translation>到院 (A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="79"/>
        <source>The day&apos;s bookings by time: who is here, who is late. Enter checks in.</source>
        <translation>当天预约按时间排列：谁已到、谁迟到。按 Enter 签到。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="81"/>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="82"/>
        <source>W&amp;ho</source>
        <translation>人员(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="85"/>
        <source>New booking (Enter)</source>
        <translation>新预约 (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="88"/>
        <source>Book the selected slot (Enter or Ctrl+N). Drag a booking or its bottom edge, or Alt+Up/Down (Alt+Left/Right in the week), to move it. Delete cancels, Ctrl+H shows its history, F5 reloads.</source>
        <translation>预约所选时段（Enter 或 Ctrl+N）。拖动预约或其下边缘，或用 Alt+上/下（周视图中 Alt+左/右）移动。Delete 取消，Ctrl+H 查看记录，F5 刷新。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_bar.py" line="93"/>
        <source>Check in (Ctrl+Return)</source>
        <translation>签到 (Ctrl+Return)</translation>
    </message>
</context>
<context>
    <name>BookingsPage</name>
    <message>
        <location filename="../../desktop_app/ui/bookings_page.py" line="135"/>
        <source>Check in (Ctrl+Return)</source>
        <translation>签到（Ctrl+Return）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_page.py" line="136"/>
        <source>Cancel booking… (Delete)</source>
        <translation>取消预约… (Delete)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_page.py" line="137"/>
        <source>History… (Ctrl+H)</source>
        <translation>预约记录… (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_page.py" line="279"/>
        <source>Nothing to show: no active {what} yet.</source>
        <translation>暂无可显示的内容：还没有在用的{what}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/bookings_page.py" line="333"/>
        <source>Booked: {name}, {start}.</source>
        <translation>已预约：{name}，{start}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="67"/>
        <source>Cancelled: {name}, {start}.</source>
        <translation>已取消：{name}，{start}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="144"/>
        <source>{name}: now {start}–{end}.</source>
        <translation>{name}：已改为 {start}–{end}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="163"/>
        <source>{name} is checked in and on the triage board.</source>
        <translation>{name} 已签到，已在分诊看板上。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="167"/>
        <source>Late for the booked time.</source>
        <translation>晚于预约时间到院。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="169"/>
        <source>The lead was a registered patient already: the record is linked.</source>
        <translation>该潜在客户已是登记患者：已关联其病历。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="177"/>
        <source>{clash} The booking stays where it was.</source>
        <translation>{clash} 预约保持原样。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="186"/>
        <source>{headline} {detail} The book shows it now.</source>
        <translation>{headline} {detail} 预约簿已显示最新情况。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="197"/>
        <source>Only a booking still to come can be moved or checked in.</source>
        <translation>只有尚未到来的预约才能移动或签到。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="200"/>
        <source>This booking was checked in already.</source>
        <translation>该预约已签到。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="203"/>
        <source>This booking is for another day: move it to today first.</source>
        <translation>该预约不是今天的：请先把它移到今天。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="206"/>
        <source>A booking lasts 5 minutes to 12 hours.</source>
        <translation>预约时长为 5 分钟到 12 小时。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="215"/>
        <source>Note: the clinic is closed that day.</source>
        <translation>注意：诊所当天不营业。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="218"/>
        <source>Note: it starts before the clinic opens.</source>
        <translation>注意：开始时间早于营业时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="221"/>
        <source>Note: it ends after the clinic closes.</source>
        <translation>注意：结束时间晚于营业时间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_actions.py" line="224"/>
        <source>Note: it falls in the clinic&apos;s break.</source>
        <translation>注意：落在诊所休息时段。</translation>
    </message>
</context>
<context>
    <name>CameraFolderBox</name>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="210"/>
        <source>Camera folder on this computer</source>
        <translation>本机相机文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="211"/>
        <source>Watched folder</source>
        <translation>监视的文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="212"/>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="213"/>
        <source>Stop watching</source>
        <translation>停止监视</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="214"/>
        <source>After import</source>
        <translation>导入之后</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="216"/>
        <source>Remove the file from this computer once it is safely in the record</source>
        <translation>安全存入病历后，从本机删除该文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="219"/>
        <source>Keep the file (moved to the folder&apos;s &apos;imported&apos; subfolder)</source>
        <translation>保留文件（移至该文件夹的 imported 子文件夹）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="223"/>
        <source>New photos a tethered camera or phone sync writes to this folder wait in the camera inbox of the patient&apos;s record. Face photos are sensitive personal information: keep copies on this computer only if you must.</source>
        <translation>联机相机或手机同步写入此文件夹的新照片，会在患者病历的相机收件箱中等待分配。面部照片属于敏感个人信息：除非必要，不要在本机保留副本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="242"/>
        <source>None: no camera inbox on this computer</source>
        <translation>未设置：本机没有相机收件箱</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="247"/>
        <source>Camera folder</source>
        <translation>相机文件夹</translation>
    </message>
</context>
<context>
    <name>CameraInbox</name>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_parts.py" line="89"/>
        <source>&amp;Stage</source>
        <translation>阶段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_parts.py" line="90"/>
        <source>Follow-up &amp;day</source>
        <translation>复查天数(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_parts.py" line="91"/>
        <source>An&amp;gle</source>
        <translation>角度(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_parts.py" line="92"/>
        <source>A&amp;rea</source>
        <translation>部位(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_parts.py" line="93"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_parts.py" line="98"/>
        <source>day </source>
        <translation>第 </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_parts.py" line="100"/>
        <source> </source>
        <comment>after the follow-up day number: nothing in English</comment>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_parts.py" line="144"/>
        <source>The area is at most 60 characters.</source>
        <translation>部位最多 60 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_parts.py" line="196"/>
        <source>No preview</source>
        <translation>无预览</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="17"/>
        <source>Camera folder {folder} · waiting: %n</source>
        <translation>相机文件夹 {folder} · 待分配：%n</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="25"/>
        <source>No camera folder is set for this computer: choose one in Settings › Camera folder on this computer.</source>
        <translation>本机尚未设置相机文件夹：请在“设置 › 本机相机文件夹”中选择。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="30"/>
        <source>The camera folder {folder} cannot be found. Is the camera, USB drive or network share connected? Looking again every few seconds.</source>
        <translation>找不到相机文件夹 {folder}。相机、U 盘或网络共享是否已连接？每隔几秒会再次查看。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="35"/>
        <source>{folder} is not a folder: choose the camera folder in Settings.</source>
        <translation>{folder} 不是文件夹：请在设置中选择相机文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="38"/>
        <source>The camera folder {folder} cannot be read ({detail}). Looking again every few seconds.</source>
        <translation>无法读取相机文件夹 {folder}（{detail}）。每隔几秒会再次查看。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="50"/>
        <source>Assign to the patient</source>
        <translation>分配给患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="52"/>
        <source>Assign to {name}</source>
        <translation>分配给 {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="53"/>
        <source>Assign to {name} (%n chosen)</source>
        <translation>分配给 {name}（已选 %n 张）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="63"/>
        <source>Your role does not add photos to the record.</source>
        <translation>您的角色不能向病历添加照片。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="67"/>
        <source>Open a patient&apos;s record to assign photos to them.</source>
        <translation>请先打开患者病历，再把照片分配给该患者。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="71"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="73"/>
        <source>No photos waiting.</source>
        <translation>没有待分配的照片。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="75"/>
        <source>Choose the photos to assign (Ctrl+A: all of them).</source>
        <translation>请选择要分配的照片（Ctrl+A：全选）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="82"/>
        <source>Choose the angle first: the baseline is the first &apos;before&apos; photo of that angle.</source>
        <translation>请先选择角度：基准照片是该角度的第一张“术前”照片。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="90"/>
        <source>Photo consent missing</source>
        <translation>缺少照片同意</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="91"/>
        <source>{name} has not consented to photos for the medical record. Add these photos anyway? Record the patient&apos;s consent as soon as you can.</source>
        <translation>{name} 尚未同意将照片用于病历。仍要添加这些照片吗？请尽快登记患者的同意。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="107"/>
        <source>Added to the record of {name}: %n.</source>
        <translation>已加入 {name} 的病历：%n 张。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="113"/>
        <source>Already in the record: %n.</source>
        <translation>病历中已有：%n 张。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="119"/>
        <source>Removed from this computer: %n.</source>
        <translation>已从本机删除：%n 张。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="125"/>
        <source>Moved to the &apos;imported&apos; subfolder: %n.</source>
        <translation>已移到 imported 子文件夹：%n 张。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="131"/>
        <source>Refused, left in the folder: {file} — {reason}</source>
        <translation>未导入，留在文件夹中：{file} — {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="137"/>
        <source>In the record, but could not be removed from the folder: {file} ({why})</source>
        <translation>已存入病历，但无法从文件夹删除：{file}（{why}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="144"/>
        <source>Changed while you chose, left in the inbox: {files}</source>
        <translation>选择期间文件有变动，仍留在收件箱：{files}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox_words.py" line="150"/>
        <source>Import cancelled: the rest stay in the inbox.</source>
        <translation>已取消导入：其余照片仍在收件箱中。</translation>
    </message>
</context>
<context>
    <name>CameraInboxDialog</name>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox.py" line="400"/>
        <source>Camera inbox</source>
        <translation>相机收件箱</translation>
    </message>
</context>
<context>
    <name>CameraInboxPanel</name>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox.py" line="371"/>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox.py" line="372"/>
        <source>Compare with &amp;baseline…</source>
        <translation>与基准照片对比(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/camera_inbox.py" line="373"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CancelBookingDialog</name>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="79"/>
        <source>Cancel booking</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="83"/>
        <source>{booking} leaves the book. It is kept with its history, and its confirmation call is cancelled.</source>
        <translation>{booking} 将从预约簿移除，但连同记录一起保留，其确认电话也会取消。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="94"/>
        <source>&amp;Why</source>
        <translation>原因(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="95"/>
        <source>Cancel &amp;booking</source>
        <translation>取消预约(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/booking_history.py" line="97"/>
        <source>Keep it</source>
        <translation>保留预约</translation>
    </message>
</context>
<context>
    <name>CancelTreatmentDialog</name>
    <message>
        <location filename="../../desktop_app/ui/treatment_cancel.py" line="31"/>
        <source>Cancel treatment</source>
        <translation>取消治疗记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_cancel.py" line="36"/>
        <source>{item} on {when} stays in the record, marked cancelled. Its open follow-up reminders are cancelled, and a course session it used is given back.</source>
        <translation>{when} 的{item}仍保留在病历中，标记为已取消。它尚未完成的回访提醒将取消，所用的疗程次数将退回。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_cancel.py" line="42"/>
        <source>&amp;Why</source>
        <translation>取消原因(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_cancel.py" line="44"/>
        <source>Cancel &amp;treatment</source>
        <translation>取消治疗(&amp;T)</translation>
    </message>
</context>
<context>
    <name>CatalogueBox</name>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="114"/>
        <source>Treatment catalogue</source>
        <translation>治疗项目目录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="116"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="117"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="118"/>
        <source>Default price</source>
        <translation>标准价格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="119"/>
        <source>Consent form</source>
        <translation>知情同意书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="120"/>
        <source>Aftercare sheet</source>
        <translation>术后护理单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="121"/>
        <source>Review date on the aftercare sheet</source>
        <translation>护理单上的复查日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="125"/>
        <source>Before photos required</source>
        <translation>需要术前照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="126"/>
        <source>Offered (untick to retire)</source>
        <translation>可选（取消勾选即停用）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="127"/>
        <source>Save item</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="180"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="58"/>
        <source>required</source>
        <translation>需要</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="60"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="60"/>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="46"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="47"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="48"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="49"/>
        <source>Consent form</source>
        <translation>知情同意书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="50"/>
        <source>Aftercare sheet</source>
        <translation>术后护理单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="51"/>
        <source>Review date on the aftercare sheet</source>
        <translation>护理单上的复查日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="52"/>
        <source>Before photos</source>
        <translation>术前照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/catalogue_settings.py" line="53"/>
        <source>Offered</source>
        <translation>可选</translation>
    </message>
</context>
<context>
    <name>ClinicBox</name>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="139"/>
        <source>The clinic: letterhead and pre-treatment checks</source>
        <translation>诊所：文书抬头与治疗前检查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="140"/>
        <source>Clinic &amp;name</source>
        <translation>诊所名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="141"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="142"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="143"/>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="145"/>
        <source>When a treatment starts without a signed consent or before photos</source>
        <translation>开始治疗时如未签知情同意书或缺少术前照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="147"/>
        <source>Choose l&amp;ogo…</source>
        <translation>选择标志(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="148"/>
        <source>Re&amp;move logo</source>
        <translation>移除标志(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="149"/>
        <source>&amp;Warn (the treatment can still be saved)</source>
        <translation>提醒(&amp;W)（仍可保存治疗记录）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="150"/>
        <source>&amp;Block (Save stays off until they are there)</source>
        <translation>阻止(&amp;B)（补齐之前不能保存）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="151"/>
        <source>&amp;Save clinic details</source>
        <translation>保存诊所信息(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="153"/>
        <location filename="../../desktop_app/ui/clinic_box.py" line="175"/>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="192"/>
        <source>Saved. The next document printed uses it.</source>
        <translation>已保存。下一份打印的文书将使用新信息。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="57"/>
        <source>Clinic logo</source>
        <translation>诊所标志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="59"/>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="228"/>
        <source>Logo saved.</source>
        <translation>标志已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="228"/>
        <source>Logo removed: documents print without.</source>
        <translation>标志已移除：文书将不带标志打印。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinic_box.py" line="241"/>
        <source>This file could not be read: {error}</source>
        <translation>无法读取此文件：{error}</translation>
    </message>
</context>
<context>
    <name>Clinical</name>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="8"/>
        <source>Forehead</source>
        <translation>额头</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="9"/>
        <source>Glabella</source>
        <translation>眉间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="10"/>
        <source>Eyes</source>
        <translation>眼周</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="11"/>
        <source>Temples</source>
        <translation>太阳穴</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="12"/>
        <source>Nose</source>
        <translation>鼻部</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="13"/>
        <source>Cheeks</source>
        <translation>面颊</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="14"/>
        <source>Lips</source>
        <translation>唇部</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="15"/>
        <source>Chin</source>
        <translation>下巴</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="16"/>
        <source>Jawline</source>
        <translation>下颌缘</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="17"/>
        <source>Neck</source>
        <translation>颈部</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="18"/>
        <source>Décolletage</source>
        <translation>肩颈前胸</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="19"/>
        <source>Arms</source>
        <translation>手臂</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="20"/>
        <source>Abdomen</source>
        <translation>腹部</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="21"/>
        <source>Thighs</source>
        <translation>大腿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="22"/>
        <source>Buttocks</source>
        <translation>臀部</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="23"/>
        <source>Hands</source>
        <translation>手部</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="26"/>
        <source>Deal</source>
        <translation>成交</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="27"/>
        <source>Thinking it over</source>
        <translation>考虑中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="28"/>
        <source>Left</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="31"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="32"/>
        <source>Afraid of pain or risk</source>
        <translation>怕疼或担心风险</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="33"/>
        <source>Wants to compare</source>
        <translation>想再比较</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="34"/>
        <source>Needs to ask family</source>
        <translation>需与家人商量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="35"/>
        <source>Not suitable</source>
        <translation>不适合</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="36"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="39"/>
        <source>Visit</source>
        <translation>到院</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="40"/>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="41"/>
        <source>Doctor&apos;s assessment</source>
        <translation>医生面诊</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="42"/>
        <source>Treatment plan</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="43"/>
        <source>Course</source>
        <translation>疗程</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="44"/>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="45"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="46"/>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="49"/>
        <source>no reaction</source>
        <translation>无不良反应</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="50"/>
        <source>mild reaction</source>
        <translation>轻微反应</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="51"/>
        <source>reaction needs a doctor&apos;s review</source>
        <translation>反应需医生复查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="54"/>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="55"/>
        <source>draft, not signed</source>
        <translation>草稿，未签名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="57"/>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="58"/>
        <source>saved as PDF</source>
        <translation>已存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="59"/>
        <source>signed on paper, scan attached</source>
        <translation>纸质签署，已附扫描件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="60"/>
        <source>on an older version</source>
        <translation>签于旧版本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="61"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="62"/>
        <source>reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="63"/>
        <source>not reached</source>
        <translation>未接通</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="66"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="67"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="70"/>
        <source>Pregnant or breast-feeding</source>
        <translation>怀孕或哺乳期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="71"/>
        <source>Takes anticoagulants</source>
        <translation>服用抗凝药物</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="72"/>
        <source>Keloid / abnormal scarring</source>
        <translation>瘢痕体质 / 异常瘢痕</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="73"/>
        <source>Autoimmune disease</source>
        <translation>自身免疫性疾病</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="74"/>
        <source>Isotretinoin in the last 6 months</source>
        <translation>近6个月服用异维A酸</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_names.py" line="75"/>
        <source>Implants or fillers elsewhere</source>
        <translation>曾在他处做过假体或填充</translation>
    </message>
</context>
<context>
    <name>ComparisonDialog</name>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="67"/>
        <source>Compare photos</source>
        <translation>照片对比</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="107"/>
        <source>Si&amp;de by side</source>
        <translation>并排(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="109"/>
        <source>S&amp;lider</source>
        <translation>滑块(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="111"/>
        <source>One photo over the other; drag the line or use ←/→</source>
        <translation>两张照片叠放；拖动分隔线或按 ←/→</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="119"/>
        <source>Zoom out (-)</source>
        <translation>缩小 (-)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="120"/>
        <source>Zoom in (+)</source>
        <translation>放大 (+)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="123"/>
        <source>&amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="123"/>
        <source>Whole photos (0)</source>
        <translation>显示完整照片 (0)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="128"/>
        <source>Relative to the whole photo</source>
        <translation>相对于完整照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="132"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="135"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="169"/>
        <location filename="../../desktop_app/ui/photo_compare.py" line="275"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="183"/>
        <source>This patient has no photos to compare yet.</source>
        <translation>该患者还没有可对比的照片。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="185"/>
        <source>Only one photo: choose another to compare it with.</source>
        <translation>只有一张照片：请再选择一张进行对比。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="188"/>
        <source>No before/after pair of one angle: showing the oldest and newest.</source>
        <translation>没有同一角度的术前/术后照片：显示最早和最新的两张。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="313"/>
        <source>Export the pair</source>
        <translation>导出对比图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="315"/>
        <source>JPEG image (*.jpg)</source>
        <translation>JPEG 图片 (*.jpg)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="323"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="335"/>
        <source>Saved as internal (watermarked, no clinic name): the patient has not consented to marketing use. {path}</source>
        <translation>已保存为内部资料（带水印，无诊所名称）：患者未同意用于宣传。{path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare.py" line="340"/>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="162"/>
        <source>Changes the server refused</source>
        <translation>服务器未接受的修改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="165"/>
        <source>These changes were made while the server could not be reached, and someone changed the same reminder meanwhile. Decide for each one.</source>
        <translation>这些修改是在无法连接服务器时做的，期间有人改动了同一条提醒。请逐条决定。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="169"/>
        <source>Record &amp;mine anyway</source>
        <translation>仍然记录我的(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="170"/>
        <source>&amp;Discard mine</source>
        <translation>放弃我的(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="171"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="195"/>
        <source>due {due}, {status}, with {who}</source>
        <translation>{due} 到期，{status}，负责人 {who}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="201"/>
        <source>, tries {tries}</source>
        <translation>，已尝试 {tries} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="203"/>
        <source>{patient} · {reason}
Made here by {author} at {when}: {mine}
The server has now: {now}</source>
        <translation>{patient} · {reason}
{author} 于 {when} 在本机：{mine}
服务器现在是：{now}</translation>
    </message>
</context>
<context>
    <name>ConsultationDialog</name>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="160"/>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="163"/>
        <source>&amp;Wishes (their words)</source>
        <translation>诉求（患者原话）(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="164"/>
        <source>&amp;Concerns</source>
        <translation>顾虑(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="165"/>
        <source>Areas</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="173"/>
        <source>&amp;Items of interest</source>
        <translation>意向项目(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="174"/>
        <source>Budget &amp;from</source>
        <translation>预算下限(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="175"/>
        <source>Budget &amp;to</source>
        <translation>预算上限(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="176"/>
        <source>&amp;Quote given</source>
        <translation>报价(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="181"/>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="186"/>
        <source>&amp;Why not a deal</source>
        <translation>未成交原因(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="187"/>
        <source>Reason in their words</source>
        <translation>原因（患者原话）</translation>
    </message>
</context>
<context>
    <name>DatabaseSettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="33"/>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="36"/>
        <source>This computer only (embedded database file)</source>
        <translation>仅本机（内置数据库文件）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="38"/>
        <source>The clinic&apos;s database server (PostgreSQL)</source>
        <translation>诊所数据库服务器（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="45"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="55"/>
        <source>Database &amp;file</source>
        <translation>数据库文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="59"/>
        <source>unchanged</source>
        <translation>不修改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="65"/>
        <source>This computer has no secure password store, so the password cannot be remembered: Clinic Desk will ask for it each time it starts.</source>
        <translation>本机没有安全的密码存储（钥匙串），无法记住密码：每次启动时 Clinic Desk 都会询问密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="105"/>
        <source>Choose a file.</source>
        <translation>请选择一个文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="115"/>
        <source>This computer has no secure password store, so the password was not saved: Clinic Desk will ask for it each time it starts.</source>
        <translation>本机没有安全的密码存储（钥匙串），密码未保存：每次启动时 Clinic Desk 都会询问密码。</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="95"/>
        <source>Signing cancelled: nothing was kept.</source>
        <translation>已取消签名：未保存任何副本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="109"/>
        <source>Keeping the signed copy…</source>
        <translation>正在保存签名副本…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="115"/>
        <source>Signed copy kept (SHA-256 {digest}…).</source>
        <translation>签名副本已保存（SHA-256 {digest}…）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="118"/>
        <source>The signature was not kept: sign again.</source>
        <translation>签名未保存：请重新签名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="136"/>
        <source>Recording the printed copy…</source>
        <translation>正在登记打印副本…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="139"/>
        <source>Nothing was printed.</source>
        <translation>未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="149"/>
        <source>The copy is recorded as printed — print again.</source>
        <translation>该副本已登记为已打印，请重新打印。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="151"/>
        <source>Check the printer and print again.</source>
        <translation>请检查打印机后重新打印。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/document_preview.py" line="155"/>
        <source>Sent %n page(s) to {printer}.</source>
        <translation>
            <numerusform>已向 {printer} 发送 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="164"/>
        <source>This PC&apos;s settings could not be saved ({reason}): the printer will not be preselected next time.</source>
        <translation>无法保存本机设置（{reason}）：下次不会自动选中该打印机。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="183"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="185"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="194"/>
        <source>Cannot save {file}: the folder does not exist or cannot be written to. Nothing was saved or recorded.</source>
        <translation>无法保存 {file}：文件夹不存在或不可写入。未保存也未登记任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="212"/>
        <source>Saving {file}…</source>
        <translation>正在保存 {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="215"/>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="222"/>
        <source>Saved {file}.</source>
        <translation>已保存 {file}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="225"/>
        <source>Could not write {file}: {reason}. No file was left there.</source>
        <translation>无法写入 {file}：{reason}。未留下不完整的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_preview.py" line="230"/>
        <source>The copy was recorded in the patient&apos;s documents; save again to another place.</source>
        <translation>该副本已登记在患者文书中；请另选位置再次保存。</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="75"/>
        <source>Document preview</source>
        <translation>文书预览</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="87"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="89"/>
        <source>&amp;Sign on screen…</source>
        <translation>屏幕签名(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="91"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="93"/>
        <source>Print (Ctrl+P)</source>
        <translation>打印（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="94"/>
        <source>Save as PD&amp;F…</source>
        <translation>另存为 PDF(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="96"/>
        <source>Save as PDF (Ctrl+S)</source>
        <translation>另存为 PDF（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="97"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="184"/>
        <source>This document is printed for a treatment: record the treatment first, or open the document from the treatment.</source>
        <translation>此文书需针对某次治疗打印：请先登记治疗，或从该治疗记录打开文书。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="191"/>
        <source>Not found: it may have been removed on another station.</source>
        <translation>未找到：可能已在其他工作站上被移除。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="200"/>
        <source>Press F5 to try again.</source>
        <translation>按 F5 重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="218"/>
        <source>Opening the stored document…</source>
        <translation>正在打开存档文书…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="226"/>
        <source>Stored copy, SHA-256 {digest}…</source>
        <translation>存档副本，SHA-256 {digest}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="251"/>
        <source>Preparing the document…</source>
        <translation>正在生成文书…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="262"/>
        <source>%n page(s). Nothing is kept until you print, save or sign.</source>
        <translation>共 %n 页。打印、保存或签名之前不会留存任何副本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="280"/>
        <source>The PDF could not be shown.</source>
        <translation>无法显示该 PDF。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="290"/>
        <source>{title} — version {version} — {name} ({record_no}) — stored copy</source>
        <translation>{title} — 第 {version} 版 — {name}（{record_no}）— 存档副本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="292"/>
        <source>{title} — version {version} — {name} ({record_no})</source>
        <translation>{title} — 第 {version} 版 — {name}（{record_no}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/document_view.py" line="286"/>
        <source>{title} — version {version} — stored copy</source>
        <translation>{title} — 第 {version} 版 — 存档副本</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="169"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="170"/>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="171"/>
        <source>Title, key, kind or treatment item</source>
        <translation>标题、代码、类别或治疗项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="172"/>
        <source>&amp;Edit… (Ctrl+E)</source>
        <translation>编辑(&amp;E)…（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="173"/>
        <source>&amp;New template… (Ctrl+N)</source>
        <translation>新建模板(&amp;N)…（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="174"/>
        <source>&amp;History (Ctrl+H)</source>
        <translation>历史版本(&amp;H)（Ctrl+H）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/documents_page.py" line="235"/>
        <source>%n template(s).</source>
        <translation>
            <numerusform>共 %n 个模板。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="262"/>
        <source>Choose a template to read its text.</source>
        <translation>选择一个模板以查看其内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="266"/>
        <source>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;Version {number}, {who}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;第 {number} 版，{who}</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../desktop_app/ui/report_drill.py" line="86"/>
        <source>Patients behind the number</source>
        <translation>该数字对应的患者</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/report_drill.py" line="88"/>
        <source>{heading}: %n patient(s)</source>
        <translation>
            <numerusform>{heading}：%n 位患者</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_drill.py" line="92"/>
        <source>&amp;Open record</source>
        <translation>打开病历(&amp;O)</translation>
    </message>
</context>
<context>
    <name>EntryDetail</name>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="82"/>
        <source>satisfaction {n}/5</source>
        <translation>满意度 {n}/5</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="105"/>
        <source>version {number} (current)</source>
        <translation>第 {number} 版（当前版本）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="109"/>
        <source>signed on version {signed}; version {current} is current — ask the patient to sign again</source>
        <translation>签于第 {signed} 版；当前为第 {current} 版，请患者重新签署</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="115"/>
        <source>version {number}; version {current} is current</source>
        <translation>第 {number} 版；当前为第 {current} 版</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="119"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="120"/>
        <source>Saved as PDF</source>
        <translation>已存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="121"/>
        <source>Signed on screen</source>
        <translation>屏幕签名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="124"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="125"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="127"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="131"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="132"/>
        <source>the command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="135"/>
        <location filename="../../desktop_app/ui/entry_detail.py" line="160"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="138"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="141"/>
        <source>Signed scan</source>
        <translation>签字扫描件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="142"/>
        <source>attached</source>
        <translation>已附</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="144"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="146"/>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="154"/>
        <source>(recorded {when}, made offline)</source>
        <translation>（离线时所做，{when} 记录到服务器）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="158"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="159"/>
        <source>Called by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="162"/>
        <source>Answered</source>
        <translation>是否接通</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="165"/>
        <source>Asked</source>
        <translation>已询问</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="166"/>
        <source>Recovery notes</source>
        <translation>恢复情况</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="172"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="175"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="184"/>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="185"/>
        <source>Wishes</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="186"/>
        <source>Concerns</source>
        <translation>顾虑</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="188"/>
        <location filename="../../desktop_app/ui/entry_detail.py" line="247"/>
        <source>Areas</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="191"/>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="193"/>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="196"/>
        <source>Quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="198"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="202"/>
        <source>Why not</source>
        <translation>未成交原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="209"/>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="210"/>
        <source>Chief complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="211"/>
        <source>Skin type</source>
        <translation>皮肤类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="212"/>
        <source>Skin condition</source>
        <translation>皮肤状况</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="214"/>
        <source>Areas examined</source>
        <translation>检查部位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="219"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="222"/>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="224"/>
        <source>Signed</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="227"/>
        <source>not yet</source>
        <translation>尚未签名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="231"/>
        <source>Addendum {when}</source>
        <translation>补充记录 {when}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="241"/>
        <source>lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="242"/>
        <source>expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="245"/>
        <source>Operator</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="251"/>
        <source>Device and settings</source>
        <translation>设备与参数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="254"/>
        <source>Anaesthesia</source>
        <translation>麻醉</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="257"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="168"/>
        <location filename="../../desktop_app/ui/entry_detail.py" line="262"/>
        <source>Reaction</source>
        <translation>即刻反应</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="263"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/entry_detail.py" line="265"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>ExcelExport</name>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="65"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="70"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="89"/>
        <source>Exporting… {done} of {total} rows</source>
        <translation>正在导出…（{done}/{total} 行）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/excel_export.py" line="104"/>
        <source>%n row(s) exported to {file}.</source>
        <translation>
            <numerusform>已导出 %n 行到 {file}。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="115"/>
        <source>The disk is full: nothing was exported. Free some space or choose another drive.</source>
        <translation>磁盘已满：未导出任何内容。请释放一些空间，或选择其他磁盘。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="119"/>
        <source>The folder {folder} may not be written to: nothing was exported. Choose another folder.</source>
        <translation>无权写入文件夹 {folder}：未导出任何内容。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="123"/>
        <source>The folder {folder} does not exist: nothing was exported.</source>
        <translation>文件夹 {folder} 不存在：未导出任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_export.py" line="128"/>
        <source>The file could not be written: nothing was exported. ({detail})</source>
        <translation>无法写入文件：未导出任何内容。（{detail}）</translation>
    </message>
</context>
<context>
    <name>ExportWords</name>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="27"/>
        <source>Patients</source>
        <translation>患者名单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="28"/>
        <location filename="../../desktop_app/ui/list_exports.py" line="53"/>
        <source>Record no.</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="29"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="30"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="31"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="32"/>
        <location filename="../../desktop_app/ui/list_exports.py" line="54"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="33"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="34"/>
        <source>Why the ID is unverified</source>
        <translation>证件未核验原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="35"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="36"/>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="37"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="38"/>
        <source>Registered</source>
        <translation>建档时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="39"/>
        <source>First visit</source>
        <translation>首次到院</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="40"/>
        <source>Last visit</source>
        <translation>最近到院</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="41"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="42"/>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="43"/>
        <source>Medical history</source>
        <translation>病史</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="44"/>
        <source>History notes</source>
        <translation>病史备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="45"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="46"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="50"/>
        <source>Reminders</source>
        <translation>回访提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="51"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="52"/>
        <source>Patient or lead</source>
        <translation>患者/意向客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="55"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="56"/>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="57"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="58"/>
        <source>Tries</source>
        <translation>已拨打次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="59"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="60"/>
        <source>{name} (lead)</source>
        <translation>{name}（意向客户）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="61"/>
        <source>{reason} · day {day}</source>
        <translation>{reason} · 第{day}天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="62"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="63"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="64"/>
        <source>Upcoming</source>
        <translation>即将到期</translation>
    </message>
</context>
<context>
    <name>FaceChart</name>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="38"/>
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="39"/>
        <source>Left side</source>
        <translation>左侧</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="40"/>
        <source>Right side</source>
        <translation>右侧</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="43"/>
        <source>Intradermal</source>
        <translation>皮内</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="44"/>
        <source>Subdermal</source>
        <translation>真皮下</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="45"/>
        <source>Subcutaneous</source>
        <translation>皮下</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="46"/>
        <source>Supraperiosteal</source>
        <translation>骨膜上</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="47"/>
        <source>Intramuscular</source>
        <translation>肌肉内</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="66"/>
        <source>Mark {mark}: lot {lot} expired on {date}.</source>
        <translation>标记 {mark}：批号 {lot} 已于 {date} 过期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="67"/>
        <source>Mark {mark} uses lot {lot}, which is not among the products used. Add it to the products first.</source>
        <translation>标记 {mark} 使用的批号 {lot} 不在所用产品中。请先把它加入所用产品。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="72"/>
        <source>Mark {mark}: this lot is registered as expiring {expires_on}.</source>
        <translation>标记 {mark}：该批号登记的有效期至 {expires_on}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="75"/>
        <source>Mark {mark}: this lot is used in {unit}.</source>
        <translation>标记 {mark}：该批号的用量单位是 {unit}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="76"/>
        <source>The marks use {marked} {unit} of lot {lot}, but {recorded} {unit} was recorded.</source>
        <translation>标记共用批号 {lot} {marked} {unit}，但记录的用量只有 {recorded} {unit}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="80"/>
        <source>Mark {mark} needs its quantity, e.g. 0.1 or 4.</source>
        <translation>标记 {mark} 需要填写用量，例如 0.1 或 4。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="83"/>
        <source>Mark {mark} is outside the diagram.</source>
        <translation>标记 {mark} 在面部图之外。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="84"/>
        <source>Mark {mark} needs a product lot: record the products used first.</source>
        <translation>标记 {mark} 需要产品批号：请先记录所用产品。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="87"/>
        <source>At most {max} marks.</source>
        <translation>最多 {max} 个标记。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="88"/>
        <source>Mark {mark} is not valid.</source>
        <translation>标记 {mark} 无效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_pictures.py" line="89"/>
        <source>Mark {mark}: the note is too long (at most {max} characters).</source>
        <translation>标记 {mark}：备注过长（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_chart.py" line="47"/>
        <location filename="../../desktop_app/ui/face_pictures.py" line="191"/>
        <source>Face chart</source>
        <translation>面部标记图</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_chart.py" line="63"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_chart.py" line="65"/>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_chart.py" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_chart.py" line="76"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_chart.py" line="134"/>
        <source>Face &amp;chart ({count})…</source>
        <translation>面部标记图(&amp;C)（{count}）…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_chart.py" line="136"/>
        <source>Face &amp;chart…</source>
        <translation>面部标记图(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_editor.py" line="92"/>
        <source>Click to add a point, drag to mark an area, drag a mark to move it. Delete removes the chosen mark.</source>
        <translation>单击添加注射点，拖动标记区域，拖动标记可移动位置。按 Delete 删除所选标记。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_editor.py" line="98"/>
        <source>This chart can be viewed only.</source>
        <translation>此标记图仅可查看。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_editor.py" line="127"/>
        <source>e.g. 0.1 or 4</source>
        <translation>例如 0.1 或 4</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_editor.py" line="145"/>
        <source>&amp;Remove mark</source>
        <translation>删除标记(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_editor.py" line="150"/>
        <source>L&amp;ot</source>
        <translation>批号(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_editor.py" line="151"/>
        <source>&amp;Quantity</source>
        <translation>用量(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_editor.py" line="154"/>
        <source>De&amp;pth</source>
        <translation>层次(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_editor.py" line="155"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_editor.py" line="158"/>
        <source>Lots used</source>
        <translation>所用批号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_editor.py" line="161"/>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_editor.py" line="211"/>
        <source>area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/face_editor.py" line="249"/>
        <location filename="../../desktop_app/ui/face_editor.py" line="287"/>
        <source>Record the products used first: each mark takes its lot from them.</source>
        <translation>请先记录所用产品：每个标记的批号都取自其中。</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="116"/>
        <source>Welcome to Clinic Desk</source>
        <translation>欢迎使用 Clinic Desk</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="116"/>
        <source>The first manager</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="119"/>
        <source>Create the first manager account. The manager then adds the other staff.</source>
        <translation>创建第一个管理员账号，之后由管理员添加其他员工。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="122"/>
        <source>Name your clinic as patients know it. The address, phone and logo head every consent and aftercare sheet; you can change them later in Settings.</source>
        <translation>填写患者熟知的诊所名称。地址、电话和标志印在每份知情同意书和术后护理单的抬头；以后可在“设置”中修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="127"/>
        <source>&amp;Clinic name</source>
        <translation>诊所名称(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="128"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="129"/>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="130"/>
        <source>&amp;Logo</source>
        <translation>标志(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="131"/>
        <source>Your &amp;name</source>
        <translation>您的姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="132"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="133"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="134"/>
        <source>&amp;Repeat password</source>
        <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="139"/>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="140"/>
        <source>Remo&amp;ve</source>
        <translation>移除(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="142"/>
        <source>No logo (optional)</source>
        <translation>无标志（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="143"/>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="145"/>
        <source>Create clinic and sign in</source>
        <translation>创建诊所并登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="145"/>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="149"/>
        <source>Photos and backups are encrypted with a key made now and kept by this computer. If every copy of it is lost, nobody can open them again. So, once signed in: Settings › Security › Export key file, and keep that file and its passphrase safe, apart from each other.</source>
        <translation>照片和备份将使用现在生成、由本机保存的密钥加密。如果密钥的所有副本都丢失，任何人都无法再打开它们。因此登录后请：设置 › 安全 › 导出密钥文件，并妥善保管该文件及其口令，两者分开存放。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/first_run.py" line="206"/>
        <source>This file could not be read: {error}</source>
        <translation>无法读取此文件：{error}</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="142"/>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="143"/>
        <source>no phone number</source>
        <translation>无电话号码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="145"/>
        <source>&amp;Reached</source>
        <translation>已接通(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="146"/>
        <source>&amp;Not reached</source>
        <translation>未接通(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="147"/>
        <source>Answered</source>
        <translation>是否接通</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="148"/>
        <source>Questions asked</source>
        <translation>已询问的问题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="149"/>
        <source>Recovery n&amp;otes</source>
        <translation>恢复情况(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="150"/>
        <source>Adverse re&amp;action</source>
        <translation>不良反应(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="151"/>
        <source>&amp;Satisfaction</source>
        <translation>满意度(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="152"/>
        <source>Ne&amp;xt step</source>
        <translation>下一步(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="154"/>
        <source>An urgent reminder will go to the doctor, and the patient is flagged.</source>
        <translation>将给医生发一条紧急提醒，并在病历上标记该患者。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="159"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="159"/>
        <source>Mild</source>
        <translation>轻微</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="159"/>
        <source>Needs review by a doctor</source>
        <translation>需医生复查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="164"/>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="166"/>
        <source>1 — very unhappy</source>
        <translation>1 — 很不满意</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="167"/>
        <source>2 — unhappy</source>
        <translation>2 — 不满意</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="168"/>
        <source>3 — all right</source>
        <translation>3 — 一般</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="169"/>
        <source>4 — happy</source>
        <translation>4 — 满意</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="170"/>
        <source>5 — very happy</source>
        <translation>5 — 非常满意</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="174"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="175"/>
        <source>Save the outcome (Ctrl+Return)</source>
        <translation>保存回访结果（Ctrl+Return）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="196"/>
        <source>Not reached, last try ({n} of {n}): this closes the reminder.</source>
        <translation>未接通，最后一次（第 {n} 次，共 {n} 次）：提醒将关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="202"/>
        <source>Not reached: will be tried again tomorrow (try {n} of {max}).</source>
        <translation>未接通：明天再打（第 {n} 次，共 {max} 次）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/follow_up_dialog.py" line="231"/>
        <source>Say whether the patient answered.</source>
        <translation>请选择是否接通。</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../desktop_app/ui/forms.py" line="36"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/forms.py" line="39"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FrontDeskPage</name>
    <message>
        <location filename="../../desktop_app/ui/front_desk.py" line="136"/>
        <source>New patient (Ctrl+N)</source>
        <translation>新客登记 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/front_desk.py" line="137"/>
        <source>Check in (Ctrl+Enter)</source>
        <translation>到院签到 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/front_desk.py" line="138"/>
        <source>Record (Ctrl+O)</source>
        <translation>病历 (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/front_desk.py" line="206"/>
        <source>{name} checked in: {type}.</source>
        <translation>{name} 已签到：{type}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/front_desk.py" line="248"/>
        <source>Registered {name}, record number {record_no}.</source>
        <translation>已登记 {name}，病历号 {record_no}。</translation>
    </message>
</context>
<context>
    <name>Gate</name>
    <message>
        <location filename="../../desktop_app/ui/gate.py" line="222"/>
        <source>This computer&apos;s settings could not be saved: {error}</source>
        <translation>无法保存这台电脑的设置：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate.py" line="269"/>
        <source>Clinic Desk</source>
        <translation>Clinic Desk 诊所前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate.py" line="272"/>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate.py" line="274"/>
        <source>Database &amp;settings…</source>
        <translation>数据库设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate.py" line="279"/>
        <source>Work &amp;offline (reminders only)</source>
        <translation>离线工作（仅提醒）(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate.py" line="286"/>
        <source>You can work offline: the reminder panel keeps working from this computer&apos;s copy, and what you do is sent to the server when it is back.</source>
        <translation>可以离线工作：提醒面板使用本机保存的副本继续工作，您所做的修改会在服务器恢复后发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate.py" line="290"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate.py" line="325"/>
        <source>Offline: the clinic server cannot be reached. Sign in as someone who has signed in on this computer before; only the reminder panel works until the server is back.</source>
        <translation>离线：无法连接诊所服务器。请用曾在本机登录过的账号登录；服务器恢复前只有提醒面板可用。</translation>
    </message>
</context>
<context>
    <name>GateStrip</name>
    <message>
        <location filename="../../desktop_app/ui/gate_strip.py" line="19"/>
        <source>“{title}” is not signed.</source>
        <translation>《{title}》尚未签署。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate_strip.py" line="20"/>
        <source>“{title}” was signed on an older version — ask the patient to sign again.</source>
        <translation>《{title}》签于旧版本，请患者重新签署。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate_strip.py" line="24"/>
        <source>Before photos are missing.</source>
        <translation>缺少术前照片。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate_strip.py" line="43"/>
        <source>&amp;Print consent…</source>
        <translation>打印知情同意书(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate_strip.py" line="47"/>
        <source>Re-chec&amp;k</source>
        <translation>重新检查(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate_strip.py" line="68"/>
        <source>The clinic requires these before a treatment is saved: Save is off.</source>
        <translation>诊所要求先补齐以上各项才能保存治疗记录：保存已停用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate_strip.py" line="71"/>
        <source>You can still save: the treatment is recorded with a warning.</source>
        <translation>仍可保存：治疗记录将附带警告。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate_strip.py" line="80"/>
        <source>Could not check the consent and before photos: {error}</source>
        <translation>无法检查知情同意书和术前照片：{error}</translation>
    </message>
</context>
<context>
    <name>GhostOverlayDialog</name>
    <message>
        <location filename="../../desktop_app/ui/photo_ghost.py" line="162"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_ghost.py" line="168"/>
        <source>Compare with baseline</source>
        <translation>与基准照片对比</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_ghost.py" line="169"/>
        <source>&amp;Baseline opacity</source>
        <translation>基准照片透明度(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_ghost.py" line="170"/>
        <source>[ and ] change it by 10 %</source>
        <translation>按 [ 和 ] 每次调整 10%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_ghost.py" line="209"/>
        <source>{file}: this patient has no &apos;before&apos; photo of this angle yet.</source>
        <translation>{file}：该患者还没有这个角度的“术前”照片。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_ghost.py" line="216"/>
        <source>New: {file} · faint over it: the baseline taken {date}</source>
        <translation>新照片：{file} · 半透明叠加：{date} 拍摄的基准照片</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="245"/>
        <source>Import photos</source>
        <translation>导入照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="247"/>
        <source>Photos ({patterns})</source>
        <translation>照片 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="270"/>
        <source>No consent to photos</source>
        <translation>没有照片同意</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/photo_import.py" line="272"/>
        <source>This patient has not consented to photos for the medical record. Import %n photo(s) anyway?</source>
        <translation>
            <numerusform>该患者尚未同意将照片用于病历。仍要导入 %n 张照片吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/photo_import.py" line="315"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个文件…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="343"/>
        <source>Importing photos</source>
        <translation>正在导入照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="344"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="359"/>
        <source>File {number} of {total}: {name}</source>
        <translation>第 {number} 个，共 {total} 个：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="370"/>
        <source>Photos imported</source>
        <translation>照片导入结果</translation>
    </message>
</context>
<context>
    <name>ImportPatientsBox</name>
    <message>
        <location filename="../../desktop_app/ui/import_patients_box.py" line="44"/>
        <source>Import patients</source>
        <translation>导入患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_patients_box.py" line="47"/>
        <source>Bring in the patients of another system from its Excel or CSV export. You check which column holds what and see what the import would do before anything is written. A patient already registered (same mobile or ID number) is left as they are, and every row that is not imported is listed with the reason.</source>
        <translation>从其他系统导出的 Excel 或 CSV 文件导入患者。写入任何数据之前，您可以核对每一列的内容，并预览导入结果。已登记的患者（手机号或证件号码相同）保持不变，每一行未导入的数据都会列出原因。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_patients_box.py" line="54"/>
        <source>Import patients from &amp;Excel or CSV…</source>
        <translation>从 Excel 或 CSV 导入患者(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="40"/>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="42"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="52"/>
        <location filename="../../desktop_app/ui/import_wizard.py" line="154"/>
        <source>Import patients</source>
        <translation>导入患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="54"/>
        <source>Excel or CSV (*.xlsx *.csv);;All files (*)</source>
        <translation>Excel 或 CSV (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="157"/>
        <source>Bring in the patients of another system&apos;s export: an Excel (.xlsx) or CSV file with one patient a row. Nothing is written until you have seen what the import would do.</source>
        <translation>导入其他系统导出的患者：Excel（.xlsx）或 CSV 文件，每行一位患者。在您预览导入结果之前，不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="162"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="163"/>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="164"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="181"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="182"/>
        <source>&amp;Check the file &gt;</source>
        <translation>检查文件(&amp;C) &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="183"/>
        <location filename="../../desktop_app/ui/import_wizard.py" line="184"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="184"/>
        <source>&amp;Import again</source>
        <translation>再次导入(&amp;I)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/import_wizard.py" line="190"/>
        <source>&amp;Import %n new patient(s)</source>
        <translation>
            <numerusform>导入 %n 位新患者(&amp;I)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="195"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="195"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_wizard.py" line="195"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="15"/>
        <source>{name}: only .xlsx and .csv files can be imported (save an .xls as .xlsx).</source>
        <translation>{name}：只能导入 .xlsx 和 .csv 文件（请将 .xls 文件另存为 .xlsx）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="18"/>
        <source>{name}: the text is neither UTF-8 nor GBK; save it as CSV UTF-8 and try again.</source>
        <translation>{name}：文本编码既不是 UTF-8 也不是 GBK；请另存为“CSV UTF-8”格式后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="22"/>
        <source>{name}: no header row with a name or mobile column was found.</source>
        <translation>{name}：未找到含有姓名列或手机号列的标题行。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="25"/>
        <source>{name}: the file has no rows.</source>
        <translation>{name}：文件中没有数据行。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="26"/>
        <source>{name}: the file cannot be read. Is it open in another program, or damaged?</source>
        <translation>{name}：无法读取该文件。文件是否已在其他程序中打开，或已损坏？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="33"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="34"/>
        <source>mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="35"/>
        <location filename="../../desktop_app/ui/import_words.py" line="48"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="36"/>
        <source>sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="37"/>
        <source>date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="38"/>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="39"/>
        <source>consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="40"/>
        <location filename="../../desktop_app/ui/import_words.py" line="42"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="41"/>
        <source>first visit</source>
        <translation>首次到院</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="46"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="47"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="49"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="50"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="51"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="52"/>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="53"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="54"/>
        <source>First visit</source>
        <translation>首次到院</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="58"/>
        <source>No name, mobile or ID number: nothing to import.</source>
        <translation>没有姓名、手机号或证件号码：无可导入的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="61"/>
        <source>No name: the intake form needs one.</source>
        <translation>没有姓名：建档必须填写姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="62"/>
        <source>The mobile {value} cannot exist: check the digits.</source>
        <translation>手机号 {value} 不是有效号码：请核对数字。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="65"/>
        <source>The ID number {value} is too long.</source>
        <translation>证件号码 {value} 过长。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="66"/>
        <source>The ID number {value} is not 18 characters: imported as unverified.</source>
        <translation>证件号码 {value} 不是18位：已导入并标记为“未核验”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="69"/>
        <source>The ID number {value} holds no valid date of birth: imported as unverified.</source>
        <translation>证件号码 {value} 中的出生日期无效：已导入并标记为“未核验”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="73"/>
        <source>The ID number {value} has a wrong check digit: imported as unverified.</source>
        <translation>证件号码 {value} 的校验位不对：已导入并标记为“未核验”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="76"/>
        <source>The sex {value} is not 男/女, M/F or 1/2: left empty.</source>
        <translation>性别 {value} 不是 男/女、M/F 或 1/2：已留空。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="79"/>
        <source>The {field} {value} is not a date: left empty.</source>
        <translation>{field} {value} 不是日期：已留空。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="82"/>
        <source>The {field} {value} is in the future: left empty.</source>
        <translation>{field} {value} 是将来的日期：已留空。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="85"/>
        <source>The date of birth {value} differs from the ID number&apos;s: the ID&apos;s is used.</source>
        <translation>出生日期 {value} 与证件号码中的不一致：以证件号码为准。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="88"/>
        <source>The sex {value} differs from the ID number&apos;s: the ID&apos;s is used.</source>
        <translation>性别 {value} 与证件号码中的不一致：以证件号码为准。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="91"/>
        <source>The source {value} is not one of the clinic&apos;s: kept in the notes.</source>
        <translation>来源 {value} 不是本诊所设置的来源：已记入备注。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="94"/>
        <source>No active staff member is called {value}: kept in the notes.</source>
        <translation>没有名为 {value} 的在职员工：已记入备注。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="97"/>
        <source>No mobile or ID number: cannot be checked for duplicates.</source>
        <translation>没有手机号或证件号码：无法检查是否重复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="100"/>
        <source>Under 18 and no guardian on file: add one at the next visit.</source>
        <translation>未满18岁且未登记监护人：请在下次到院时补充。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="103"/>
        <source>Same {field} as patient {value}, already registered.</source>
        <translation>与已登记患者 {value} 的{field}相同。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="106"/>
        <source>Same {field} as row {value} of this file.</source>
        <translation>与本文件第 {value} 行的{field}相同。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="109"/>
        <source>Imported earlier from this file as patient {value}.</source>
        <translation>此前已从本文件导入，为患者 {value}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="112"/>
        <source>Empty fields filled in: {value}.</source>
        <translation>已补填空白字段：{value}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="113"/>
        <source>The {field} is too long.</source>
        <translation>{field}过长。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="117"/>
        <source>New patient</source>
        <translation>新患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="118"/>
        <source>New patient, to look at</source>
        <translation>新患者，需核对</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="119"/>
        <source>Already registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="120"/>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="124"/>
        <source>A column is mapped to an unknown field.</source>
        <translation>有一列对应到了未知的字段。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="125"/>
        <source>A field is mapped to no column.</source>
        <translation>有字段对应到了不存在的列。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="126"/>
        <source>One column is mapped to two fields.</source>
        <translation>同一列对应到了两个字段。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="127"/>
        <source>Choose the column that holds the patient&apos;s name.</source>
        <translation>请选择包含患者姓名的列。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_words.py" line="155"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="74"/>
        <source>New patient</source>
        <translation>新客登记</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="94"/>
        <source>&amp;Open this patient</source>
        <translation>打开该患者(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="97"/>
        <source>Register &amp;anyway</source>
        <translation>仍然登记(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="117"/>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="459"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="121"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="127"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="170"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="172"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="172"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="172"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="174"/>
        <source>Se&amp;x</source>
        <translation>性别(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="175"/>
        <source>&amp;Date of birth</source>
        <translation>出生日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="176"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 1990-05-20</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="178"/>
        <source>&amp;Mobile</source>
        <translation>手机(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="183"/>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="184"/>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="185"/>
        <source>Hong Kong/Macau permit</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="186"/>
        <source>Taiwan permit</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="191"/>
        <source>ID &amp;type</source>
        <translation>证件类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="192"/>
        <source>ID n&amp;umber</source>
        <translation>证件号码(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="193"/>
        <source>Number cannot be checked: save it as unverified</source>
        <translation>号码无法核验：标记为“未核验”后保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="196"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="199"/>
        <source>Re&amp;gion</source>
        <translation>地区(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="204"/>
        <source>Sour&amp;ce</source>
        <translation>来源渠道(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="205"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="207"/>
        <source>&amp;Referred by</source>
        <translation>介绍人(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="213"/>
        <source>C&amp;onsultant</source>
        <translation>咨询师(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="214"/>
        <source>&amp;Interested in</source>
        <translation>意向项目(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="216"/>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="217"/>
        <source>Emergency phone</source>
        <translation>紧急联系电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="221"/>
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="238"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="239"/>
        <source>Other ta&amp;gs</source>
        <translation>其他标签(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="240"/>
        <source>Separate tags with commas</source>
        <translation>多个标签用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="244"/>
        <source>Health (matters for treatment)</source>
        <translation>健康情况（与治疗相关）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="246"/>
        <source>A&amp;llergies</source>
        <translation>过敏史(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="261"/>
        <source>History notes</source>
        <translation>病史说明</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="265"/>
        <source>Guardian (required under 18)</source>
        <translation>监护人（未满18岁必填）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="267"/>
        <source>Guardian&apos;s name</source>
        <translation>监护人姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="268"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="269"/>
        <source>Guardian&apos;s mobile</source>
        <translation>监护人手机</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="271"/>
        <source>Consents (PIPL), each asked separately</source>
        <translation>个人信息授权（逐项征得同意）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="274"/>
        <source>Processing of personal information</source>
        <translation>处理个人信息</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="275"/>
        <source>Processing of health information</source>
        <translation>处理健康信息</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="276"/>
        <source>Photos for the medical record</source>
        <translation>照片用于病历</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="277"/>
        <source>Photos for marketing or teaching</source>
        <translation>照片用于宣传或教学</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="278"/>
        <source>Contact for follow-up</source>
        <translation>回访联系</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="279"/>
        <source>Contact for marketing</source>
        <translation>营销联系</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="287"/>
        <source>Under 14: these consents are the guardian&apos;s.</source>
        <translation>未满14岁：以上同意由监护人作出。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="316"/>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="320"/>
        <source>Does not match the ID number.</source>
        <translation>与证件号码不符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="418"/>
        <source>{headline} Nothing was saved; the form is kept. ({detail})</source>
        <translation>{headline} 未保存任何内容，表单内容已保留。（{detail}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="426"/>
        <source>the same mobile</source>
        <translation>相同的手机号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="427"/>
        <source>the same ID number</source>
        <translation>相同的证件号码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="428"/>
        <source>the same name and date of birth</source>
        <translation>相同的姓名和出生日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="432"/>
        <source>{name} ({record_no}, {mobile}) has {reason}.</source>
        <translation>{name}（{record_no}，{mobile}）有{reason}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="438"/>
        <source>This may be a patient who is already registered:</source>
        <translation>可能是已登记的患者：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="440"/>
        <source>This patient is already registered:</source>
        <translation>该患者已登记：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/intake_dialog.py" line="459"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>KeyCheck</name>
    <message>
        <location filename="../../desktop_app/ui/key_check.py" line="61"/>
        <source>Protecting photos</source>
        <translation>正在保护照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_check.py" line="62"/>
        <source>Encrypting the photos stored before encryption…</source>
        <translation>正在加密启用加密之前保存的照片…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_check.py" line="63"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_check.py" line="78"/>
        <source>Encrypting earlier photos: {done} of {total} images checked…</source>
        <translation>正在加密以前的照片：已检查 {done} / {total} 张…</translation>
    </message>
</context>
<context>
    <name>KeyFileDialog</name>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="264"/>
        <source>Export the clinic&apos;s key file</source>
        <translation>导出诊所密钥文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="267"/>
        <source>Choose a passphrase of at least {min} characters. Anyone with the file and the passphrase can open the clinic&apos;s photos and backups: write the passphrase down and keep it apart from the file.</source>
        <translation>请设置至少 {min} 个字符的口令。任何同时拥有该文件和口令的人都能打开诊所的照片和备份：请把口令记下来，并与文件分开保管。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="272"/>
        <source>&amp;Repeat passphrase</source>
        <translation>再次输入口令(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="273"/>
        <source>Save key file…</source>
        <translation>保存密钥文件…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="275"/>
        <source>Import the clinic&apos;s key file</source>
        <translation>导入诊所密钥文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="276"/>
        <source>Enter the passphrase the key file was saved with.</source>
        <translation>请输入保存密钥文件时设置的口令。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="277"/>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="278"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="279"/>
        <source>&amp;Passphrase</source>
        <translation>口令(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="283"/>
        <source>At least {min} characters.</source>
        <translation>至少 {min} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="286"/>
        <source>The two passphrases are not the same.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="287"/>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="288"/>
        <source>Wrong passphrase, or the key file was changed.</source>
        <translation>口令错误，或密钥文件已被改动。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="289"/>
        <source>This is not a Clinic Desk key file.</source>
        <translation>这不是 Clinic Desk 的密钥文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="290"/>
        <source>This key file belongs to another clinic&apos;s database.</source>
        <translation>此密钥文件属于另一家诊所的数据库。</translation>
    </message>
</context>
<context>
    <name>ListExports</name>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="96"/>
        <source>Export the patients found</source>
        <translation>导出查找到的患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="98"/>
        <source>Export every patient</source>
        <translation>导出全部患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="100"/>
        <source>Patients-{day}.xlsx</source>
        <translation>患者名单-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="116"/>
        <source>Reminders-overdue-{day}.xlsx</source>
        <translation>提醒-已逾期-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="117"/>
        <source>Reminders-today-{day}.xlsx</source>
        <translation>提醒-今天-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="118"/>
        <source>Reminders-upcoming-{day}.xlsx</source>
        <translation>提醒-即将到期-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/list_exports.py" line="124"/>
        <source>Export the reminders</source>
        <translation>导出提醒</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="133"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="134"/>
        <source>{name} was signed in. The screen locked itself after a while unused.</source>
        <translation>{name} 已登录。屏幕在一段时间无人操作后自动锁定。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="136"/>
        <source>{name}&apos;s &amp;password</source>
        <translation>{name} 的密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="137"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="138"/>
        <source>Or sign in as someone else:</source>
        <translation>或以其他人身份登录：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="139"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="140"/>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="141"/>
        <source>Sign in as someone else</source>
        <translation>以其他人身份登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/idle_lock.py" line="167"/>
        <source>Enter the user name of the person signing in.</source>
        <translation>请输入要登录者的用户名。</translation>
    </message>
</context>
<context>
    <name>LockSettingsBox</name>
    <message>
        <location filename="../../desktop_app/ui/lock_settings.py" line="41"/>
        <source>Screen lock</source>
        <translation>屏幕锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lock_settings.py" line="42"/>
        <source>&amp;Lock after</source>
        <translation>无人操作锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lock_settings.py" line="43"/>
        <source> min without use</source>
        <translation> 分钟后</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lock_settings.py" line="44"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lock_settings.py" line="45"/>
        <source>Every station hides patient data behind a lock screen after this time.</source>
        <translation>超过此时间，每个工作站都会用锁定屏幕遮住患者数据。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lock_settings.py" line="71"/>
        <source>Saved. Each station uses it from its next sign-in.</source>
        <translation>已保存。各工作站下次登录时生效。</translation>
    </message>
</context>
<context>
    <name>LotRecallDialog</name>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="76"/>
        <source>Lot recall</source>
        <translation>批号追溯</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="87"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="91"/>
        <source>&amp;Lot number</source>
        <translation>批号(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="92"/>
        <source>or &amp;product</source>
        <translation>或产品(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="93"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="94"/>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="95"/>
        <source>Find patients</source>
        <translation>查找患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="123"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/lot_recall.py" line="133"/>
        <source>%n patient(s) received it.</source>
        <translation>
            <numerusform>共 %n 位患者使用过。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="36"/>
        <source>Receptionist</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="37"/>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="38"/>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="39"/>
        <source>Nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="40"/>
        <source>Manager</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="166"/>
        <source>Clinic Desk</source>
        <translation>Clinic Desk 诊所前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="167"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="168"/>
        <source>&amp;Sign out</source>
        <translation>退出登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="169"/>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="170"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="171"/>
        <source>&amp;Patient</source>
        <translation>患者(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="172"/>
        <source>&amp;New patient…</source>
        <translation>新客登记(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="173"/>
        <source>&amp;Find patient</source>
        <translation>查找患者(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="174"/>
        <source>&amp;Check in</source>
        <translation>到院签到(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="175"/>
        <source>&amp;Open record</source>
        <translation>打开病历(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="176"/>
        <source>&amp;Lot recall…</source>
        <translation>批号追溯(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="177"/>
        <source>C&amp;amera inbox…</source>
        <translation>相机收件箱(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="178"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="179"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="180"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="181"/>
        <source>&amp;About Clinic Desk</source>
        <translation>关于 Clinic Desk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_safety.py" line="97"/>
        <source>The backup was restored. Sign in again to work on the restored data.</source>
        <translation>备份已恢复。请重新登录以使用恢复后的数据。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="297"/>
        <source>Your role does not allow lot recall.</source>
        <translation>您的角色无权进行批号追溯。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="309"/>
        <source>Your role does not allow adding photos.</source>
        <translation>您的角色不能添加照片。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="370"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="375"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="377"/>
        <source>Offline — the clinic server cannot be reached; reminders only</source>
        <translation>离线 — 无法连接诊所服务器；仅提醒可用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="379"/>
        <source>Not connected — retrying</source>
        <translation>未连接 — 正在重试</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="382"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="386"/>
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="403"/>
        <source>About Clinic Desk</source>
        <translation>关于 Clinic Desk</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="405"/>
        <source>Clinic Desk {version}
Front desk and clinical record for aesthetics clinics.</source>
        <translation>Clinic Desk {version}
医美诊所的前台与病历系统。</translation>
    </message>
</context>
<context>
    <name>ManualReminderDialog</name>
    <message>
        <location filename="../../desktop_app/ui/manual_reminder.py" line="43"/>
        <source>Add a reminder</source>
        <translation>添加提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/manual_reminder.py" line="50"/>
        <source>&amp;On</source>
        <translation>日期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/manual_reminder.py" line="54"/>
        <source>What to do, e.g. call about the quote</source>
        <translation>要做什么，例如：回访报价</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/manual_reminder.py" line="55"/>
        <source>&amp;What</source>
        <translation>事由(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/manual_reminder.py" line="58"/>
        <source>Me</source>
        <translation>我自己</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/manual_reminder.py" line="64"/>
        <source>&amp;For</source>
        <translation>提醒谁(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/manual_reminder.py" line="70"/>
        <source>&amp;Priority</source>
        <translation>优先级(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/manual_reminder.py" line="71"/>
        <source>&amp;Add reminder</source>
        <translation>添加提醒(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../desktop_app/ui/import_mapping_table.py" line="173"/>
        <source>&amp;Remember this mapping for files like this</source>
        <translation>记住此类文件的列对应关系(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_mapping_table.py" line="175"/>
        <source>If the patient is already registered, &amp;fill in their empty fields</source>
        <translation>患者已登记时，补填其空白字段(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_mapping_table.py" line="207"/>
        <source>The columns are mapped as saved for files like this one. Correct any that are wrong.</source>
        <translation>已按为此类文件保存的对应关系匹配各列。如有不对，请更正。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_mapping_table.py" line="212"/>
        <source>The columns were matched by their titles (row {row}). Check each one and correct any that are wrong; grey columns are not imported.</source>
        <translation>已按列标题（第 {row} 行）匹配各列。请逐列核对并更正不对的地方；灰色的列不会导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_mapping_table.py" line="217"/>
        <source>No column title was recognised: choose above each column what it holds. Row {row} is taken as the titles.</source>
        <translation>未能识别任何列标题：请在每列上方选择该列的内容。第 {row} 行将作为标题行。</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <location filename="../../desktop_app/ui/import_mapping_table.py" line="88"/>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_mapping_table.py" line="140"/>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="16"/>
        <source>This field is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="17"/>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="18"/>
        <source>A user name is one word of at most 64 characters.</source>
        <translation>用户名为不含空格的一个词，最多 64 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="21"/>
        <source>This user name is already taken.</source>
        <translation>该用户名已被使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="24"/>
        <source>Use at least {min} characters (a short phrase is easiest).</source>
        <translation>请至少使用 {min} 个字符（用一句短语最容易记）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="27"/>
        <source>The password may not start or end with a space.</source>
        <translation>密码的开头和结尾不能是空格。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="30"/>
        <source>The password may not be one character repeated.</source>
        <translation>密码不能是同一个字符的重复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="33"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="36"/>
        <source>This value is not valid.</source>
        <translation>此项无效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="37"/>
        <source>This name is already on the list.</source>
        <translation>列表中已有这个名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="38"/>
        <source>Between {min} and {max}.</source>
        <translation>须在 {min} 到 {max} 之间。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="39"/>
        <source>Type the date as YYYY-MM-DD, e.g. 1990-05-20.</source>
        <translation>请按“年-月-日”输入，例如 1990-05-20。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="42"/>
        <source>This date is in the future.</source>
        <translation>该日期晚于今天。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="43"/>
        <source>A resident ID has 18 characters (or 15 digits on an old card). If it cannot be checked, save it as unverified with a reason.</source>
        <translation>身份证号为18位（旧证为15位数字）。如无法核验，请标记为“未核验”并填写原因后保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="48"/>
        <source>The date of birth in this ID number is not possible. If it cannot be checked, save it as unverified with a reason.</source>
        <translation>该证件号码中的出生日期不存在。如无法核验，请标记为“未核验”并填写原因后保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="53"/>
        <source>The check digit is wrong: look for a typo. If it cannot be checked, save it as unverified with a reason.</source>
        <translation>校验位不对，请检查是否输错。如无法核验，请标记为“未核验”并填写原因后保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="58"/>
        <source>Does not match the ID number.</source>
        <translation>与证件号码不符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="59"/>
        <source>This phone number cannot exist: check the digits.</source>
        <translation>该电话号码不存在，请检查号码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="62"/>
        <source>The patient is under 18: a guardian is required.</source>
        <translation>患者未满18岁，须填写监护人。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="66"/>
        <source>The consent {title} is not signed: the clinic requires it first.</source>
        <translation>知情同意书《{title}》尚未签署：诊所要求先签署。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="69"/>
        <source>The consent {title} was signed on an older version: ask the patient to sign the current one first.</source>
        <translation>知情同意书《{title}》签于旧版本：请患者先签署当前版本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="74"/>
        <source>Take or import today&apos;s before photos first: the clinic requires them.</source>
        <translation>请先拍摄或导入今天的术前照片：诊所要求如此。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="77"/>
        <source>Choose a PNG or JPEG picture.</source>
        <translation>请选择 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="78"/>
        <source>This picture is too large: choose a file under 5 MB.</source>
        <translation>图片过大：请选择小于 5 MB 的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="81"/>
        <source>This file is not a PNG or JPEG picture, or it is damaged.</source>
        <translation>此文件不是 PNG 或 JPEG 图片，或已损坏。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="95"/>
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="120"/>
        <source>The database cannot be reached.</source>
        <translation>无法连接数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="124"/>
        <source>This database was upgraded by a newer version of Clinic Desk.</source>
        <translation>此数据库已被更新版本的 Clinic Desk 升级。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="130"/>
        <source>The safety copy before upgrading the database could not be made.</source>
        <translation>升级数据库前无法创建安全备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="136"/>
        <source>The database address is not valid.</source>
        <translation>数据库地址无效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="140"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="144"/>
        <source>This clinic has already been set up on another station. Sign in.</source>
        <translation>本诊所已在另一台电脑上完成设置，请直接登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="150"/>
        <source>Your role does not allow this.</source>
        <translation>您的角色无权进行此操作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="154"/>
        <source>This patient is already in today&apos;s queue.</source>
        <translation>该患者已在今天的候诊队列中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="158"/>
        <source>Someone else saved this record first.</source>
        <translation>其他人已先保存了这条记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="162"/>
        <source>Stored data was refused: it was changed or damaged.</source>
        <translation>存储的数据被拒绝：它已被改动或损坏。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="168"/>
        <source>Too many wrong passwords: this account is locked until {time}. Try again then, or ask a manager to reset the password.</source>
        <translation>密码错误次数过多：此账号已锁定至 {time}。请到时再试，或请管理员重置密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="177"/>
        <source>Something went wrong.</source>
        <translation>出现了问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="183"/>
        <source>Photos and backups cannot be opened or made here. Import the clinic&apos;s key file, which a manager exports: Settings › Security › Import key file.</source>
        <translation>本机无法打开或生成照片和备份。请导入由管理员导出的诊所密钥文件：设置 › 安全 › 导入密钥文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="189"/>
        <source>The data key on this computer is not this clinic&apos;s.</source>
        <translation>本机上的数据密钥不属于本诊所。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="193"/>
        <source>This computer has no secure key store (keyring) for the clinic&apos;s data key.</source>
        <translation>本机没有可保存诊所数据密钥的安全存储（密钥环）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="195"/>
        <source>Photos and backups cannot be opened or made on this computer.</source>
        <translation>本机无法打开或生成照片和备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="198"/>
        <source>This computer does not hold the clinic&apos;s data key.</source>
        <translation>本机没有诊所的数据密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="38"/>
        <source>Details are in the log file.</source>
        <translation>详细信息已记录在日志文件中。</translation>
    </message>
</context>
<context>
    <name>NewStaffDialog</name>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="184"/>
        <source>New staff account</source>
        <translation>新建员工账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="186"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="187"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
</context>
<context>
    <name>OpeningHoursBox</name>
    <message>
        <location filename="../../desktop_app/ui/opening_hours_box.py" line="26"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/opening_hours_box.py" line="27"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/opening_hours_box.py" line="28"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/opening_hours_box.py" line="29"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/opening_hours_box.py" line="30"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/opening_hours_box.py" line="31"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/opening_hours_box.py" line="32"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/opening_hours_box.py" line="87"/>
        <source>Opening hours</source>
        <translation>营业时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/opening_hours_box.py" line="90"/>
        <source>Break every day</source>
        <translation>每日休息时段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/opening_hours_box.py" line="91"/>
        <source>Save opening hours</source>
        <translation>保存营业时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/opening_hours_box.py" line="135"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/opening_hours_box.py" line="142"/>
        <source>Each day and the break must end after they start.</source>
        <translation>每天的营业时间和休息时段都必须在开始之后结束。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="242"/>
        <source>New password for {name}</source>
        <translation>为 {name} 设置新密码</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="148"/>
        <source>Consultation…</source>
        <translation>咨询…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="149"/>
        <source>Assessment…</source>
        <translation>面诊…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="150"/>
        <source>Plan…</source>
        <translation>方案…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="151"/>
        <source>Treatment…</source>
        <translation>治疗…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="155"/>
        <source>Addendum…</source>
        <translation>补充记录…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="156"/>
        <source>Edit consultation…</source>
        <translation>修改咨询…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="157"/>
        <source>Face &amp;chart…</source>
        <translation>面部标记图(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="158"/>
        <source>Cancel treatment…</source>
        <translation>取消治疗记录…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="159"/>
        <source>Add &amp;reminder…</source>
        <translation>添加提醒(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="161"/>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="162"/>
        <source>&amp;Photos</source>
        <translation>照片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="166"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="249"/>
        <source>Choose a patient at the front desk (Ctrl+F).</source>
        <translation>请在前台选择患者 (Ctrl+F)。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="255"/>
        <source>Allergies: {text}</source>
        <translation>过敏：{text}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="258"/>
        <source>Minor: a guardian must be present</source>
        <translation>未成年：须有监护人在场</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="260"/>
        <source>Consent to process personal or health information is missing</source>
        <translation>缺少个人信息或健康信息处理同意</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="262"/>
        <source>ID unverified</source>
        <translation>证件未核验</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="265"/>
        <source>Adverse reaction reported on a follow-up call: doctor&apos;s review needed</source>
        <translation>回访发现不良反应：需医生复查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="268"/>
        <source>Consent to sign again: {title}</source>
        <translation>需重新签署的同意书：{title}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="270"/>
        <source>No-shows: {n}</source>
        <translation>爽约 {n} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="353"/>
        <source>Check the patient in first: notes belong to a visit.</source>
        <translation>请先为患者签到：记录须属于一次到院。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="483"/>
        <source>Saved. Lots expiring within 30 days: {lots}</source>
        <translation>已保存。30天内到期的批号：{lots}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_page.py" line="485"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>PatientPicker</name>
    <message>
        <location filename="../../desktop_app/ui/patient_search.py" line="250"/>
        <source>Choose a patient</source>
        <translation>选择患者</translation>
    </message>
</context>
<context>
    <name>PatientSearch</name>
    <message>
        <location filename="../../desktop_app/ui/patient_search.py" line="137"/>
        <source>Name, pinyin or initials, mobile (last 4), record or ID number</source>
        <translation>姓名、拼音或首字母、手机号（后4位）、病历号或证件号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_search.py" line="139"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_search.py" line="141"/>
        <source>The patients found, or every patient when the box is empty (Ctrl+Shift+E)</source>
        <translation>导出查找到的患者；搜索框为空时导出全部患者（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_search.py" line="179"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_search.py" line="189"/>
        <source>No patient found.</source>
        <translation>未找到患者。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/patient_search.py" line="189"/>
        <source>%n found</source>
        <translation>
            <numerusform>找到 %n 位</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientSummary</name>
    <message>
        <location filename="../../desktop_app/ui/front_desk.py" line="63"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/front_desk.py" line="65"/>
        <source>Find a patient, or register a new one with Ctrl+N.</source>
        <translation>查找患者，或按 Ctrl+N 登记新客。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/front_desk.py" line="68"/>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/front_desk.py" line="68"/>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/front_desk.py" line="72"/>
        <source>born {date}, {age} years</source>
        <translation>出生于 {date}，{age} 岁</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/front_desk.py" line="78"/>
        <source>ID number unverified: {reason}</source>
        <translation>证件号码未核验：{reason}</translation>
    </message>
</context>
<context>
    <name>PatientsModel</name>
    <message>
        <location filename="../../desktop_app/ui/report_drill.py" line="28"/>
        <source>Record no.</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_drill.py" line="28"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_drill.py" line="28"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="26"/>
        <source>Receptionist</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="27"/>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="28"/>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="29"/>
        <source>Nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="30"/>
        <source>Manager</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="36"/>
        <source>Register patients</source>
        <translation>登记患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="37"/>
        <source>Edit patient details</source>
        <translation>修改患者资料</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="38"/>
        <source>See patient details</source>
        <translation>查看患者资料</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="39"/>
        <source>Manage staff accounts and roles</source>
        <translation>管理员工账号和角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="40"/>
        <source>Change clinic settings</source>
        <translation>修改诊所设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="41"/>
        <source>Check patients in</source>
        <translation>为患者签到</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="42"/>
        <source>See today&apos;s queue</source>
        <translation>查看今日分诊</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="43"/>
        <source>Move the queue, assign staff and rooms</source>
        <translation>调整分诊、指派人员和诊室</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="44"/>
        <source>Read consultations</source>
        <translation>查看咨询记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="45"/>
        <source>Write consultations</source>
        <translation>填写咨询记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="46"/>
        <source>Read doctors&apos; assessments</source>
        <translation>查看医生评估</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="47"/>
        <source>Write and sign assessments</source>
        <translation>填写并签署评估</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="48"/>
        <source>Read plans and treatments</source>
        <translation>查看方案和治疗</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="49"/>
        <source>Write treatment plans</source>
        <translation>制定治疗方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="50"/>
        <source>Record treatments</source>
        <translation>记录治疗</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="51"/>
        <source>Edit the catalogue</source>
        <translation>编辑项目目录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="52"/>
        <source>Look up a product lot</source>
        <translation>追溯产品批号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="53"/>
        <source>See and export photos</source>
        <translation>查看和导出照片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="54"/>
        <source>Add and tag photos</source>
        <translation>添加照片和标签</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="55"/>
        <source>Edit consent and aftercare texts</source>
        <translation>编辑知情同意书和术后护理文本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="56"/>
        <source>Print consent and aftercare</source>
        <translation>打印知情同意书和术后护理单</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="57"/>
        <source>Print privacy and photo consents</source>
        <translation>打印隐私和照片使用同意书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="58"/>
        <source>Work one&apos;s own reminders</source>
        <translation>处理自己的提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="59"/>
        <source>See everyone&apos;s reminders</source>
        <translation>查看所有人的提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="60"/>
        <source>Edit reminder rules</source>
        <translation>编辑提醒规则</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="61"/>
        <source>See the appointment book</source>
        <translation>查看预约簿</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="62"/>
        <source>Make, move and cancel bookings</source>
        <translation>新建、改期和取消预约</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="63"/>
        <source>Read the audit log</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="64"/>
        <source>Back up and restore the database</source>
        <translation>备份和恢复数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="65"/>
        <source>Import patients from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="66"/>
        <source>Export patient lists to Excel</source>
        <translation>导出患者名单到 Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="67"/>
        <source>See the manager&apos;s reports</source>
        <translation>查看经营报表</translation>
    </message>
</context>
<context>
    <name>PermissionsBox</name>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="114"/>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/permissions_view.py" line="119"/>
        <source>What each role may do; this is the table every action is checked against. Someone with several roles may do what any of their roles may.</source>
        <translation>各角色可以做什么；每个操作都按此表检查。拥有多个角色的人可以做其任一角色允许的事。</translation>
    </message>
</context>
<context>
    <name>PhotoGallery</name>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="118"/>
        <source>Import… (Ctrl+I)</source>
        <translation>导入… (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="119"/>
        <source>Tag selected… (Ctrl+T)</source>
        <translation>标注所选… (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="120"/>
        <source>Hide…</source>
        <translation>隐藏…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="121"/>
        <source>Compare (Ctrl+B)</source>
        <translation>对比 (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="126"/>
        <source>Hide the selected photos (Delete), with a reason</source>
        <translation>隐藏所选照片（Delete），需注明原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="128"/>
        <source>Two selected photos side by side, or none: the first before and latest after</source>
        <translation>并排对比所选的两张照片；未选时自动选第一张术前和最新一张术后</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="132"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="137"/>
        <source>All angles</source>
        <translation>全部角度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="141"/>
        <source>By treatment</source>
        <translation>按治疗分组</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="141"/>
        <source>No grouping</source>
        <translation>不分组</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="142"/>
        <source>By date</source>
        <translation>按日期分组</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="163"/>
        <source>All areas</source>
        <translation>全部部位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="250"/>
        <source>No photos yet. Import them with Ctrl+I or drop files here.</source>
        <translation>还没有照片。按 Ctrl+I 导入，或把文件拖到这里。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/photo_gallery.py" line="252"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="254"/>
        <source>{shown} of {total} photos</source>
        <translation>显示 {shown} 张，共 {total} 张</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/photo_gallery.py" line="306"/>
        <source>%n photo(s) tagged.</source>
        <translation>
            <numerusform>已标注 %n 张照片。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="320"/>
        <source>Hide photos</source>
        <translation>隐藏照片</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/photo_gallery.py" line="322"/>
        <source>Why hide %n photo(s)? They stay in the record, out of the gallery.</source>
        <translation>
            <numerusform>为什么隐藏这 %n 张照片？照片仍保留在病历中，只是不在相册里显示。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/photo_gallery.py" line="335"/>
        <source>%n photo(s) hidden.</source>
        <translation>
            <numerusform>已隐藏 %n 张照片。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_gallery.py" line="348"/>
        <source>Select two photos to compare, or none to pair them automatically.</source>
        <translation>请选择两张照片进行对比，或不选以自动配对。</translation>
    </message>
</context>
<context>
    <name>PhotoGridModel</name>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/photo_grid.py" line="132"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoImport</name>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="75"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="76"/>
        <source>not a picture Clinic Desk can read</source>
        <translation>不是 Clinic Desk 能读取的图片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="77"/>
        <source>the file is incomplete or damaged</source>
        <translation>文件不完整或已损坏</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="78"/>
        <source>the picture is over 100 megapixels</source>
        <translation>图片超过 1 亿像素</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="79"/>
        <source>HEIC photos cannot be read on this computer: save them as JPEG</source>
        <translation>本机无法读取 HEIC 照片：请另存为 JPEG</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="82"/>
        <source>the file could not be read</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="95"/>
        <source>%n photo(s) imported.</source>
        <translation>已导入 %n 张照片。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="98"/>
        <source>Import stopped: the remaining files were not imported.</source>
        <translation>导入已停止：其余文件未导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="102"/>
        <source>Already in this record, not imported again: {files}</source>
        <translation>已在本病历中，未重复导入：{files}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="106"/>
        <source>Not imported:</source>
        <translation>未导入：</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../desktop_app/ui/photo_viewer.py" line="65"/>
        <source>Photo {number} of {total}</source>
        <translation>第 {number} 张，共 {total} 张</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_viewer.py" line="68"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="17"/>
        <source>Before</source>
        <translation>术前</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="18"/>
        <source>After</source>
        <translation>术后即刻</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="20"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="23"/>
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="24"/>
        <source>Left 45°</source>
        <translation>左 45°</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="25"/>
        <source>Right 45°</source>
        <translation>右 45°</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="26"/>
        <source>Left 90°</source>
        <translation>左 90°</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="27"/>
        <source>Right 90°</source>
        <translation>右 90°</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="28"/>
        <source>Top</source>
        <translation>顶面</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="29"/>
        <source>Bottom</source>
        <translation>底面</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="30"/>
        <source>Close-up</source>
        <translation>特写</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="43"/>
        <source>Follow-up day {day}</source>
        <translation>术后第 {day} 天复查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare_view.py" line="61"/>
        <source>day 0 (day of treatment)</source>
        <translation>第 0 天（治疗当天）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare_view.py" line="63"/>
        <source>day {days} after treatment</source>
        <translation>治疗后第 {days} 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_compare_view.py" line="65"/>
        <source>%n day(s) before treatment</source>
        <translation>治疗前 %n 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="19"/>
        <source>Follow-up</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_words.py" line="66"/>
        <source>Not linked to a treatment</source>
        <translation>未关联治疗</translation>
    </message>
</context>
<context>
    <name>PickListsBox</name>
    <message>
        <location filename="../../desktop_app/ui/pick_lists.py" line="96"/>
        <source>The clinic&apos;s lists (ticked ones are offered at intake)</source>
        <translation>诊所列表（勾选的项目在登记时可选）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pick_lists.py" line="97"/>
        <source>Source channels</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pick_lists.py" line="98"/>
        <source>Tags in group</source>
        <translation>标签分组</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pick_lists.py" line="99"/>
        <source>Add channel</source>
        <translation>添加渠道</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pick_lists.py" line="100"/>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pick_lists.py" line="101"/>
        <source>Diagnoses offered to doctors</source>
        <translation>医生可选的诊断</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pick_lists.py" line="102"/>
        <source>Add diagnosis</source>
        <translation>添加诊断</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="364"/>
        <source>Treatment plan</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="368"/>
        <source>&amp;Item</source>
        <translation>项目(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="369"/>
        <source>Agreed &amp;price</source>
        <translation>成交价(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="372"/>
        <source>&amp;Sessions</source>
        <translation>次数(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="373"/>
        <source>Course &amp;expires</source>
        <translation>疗程有效期至(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/clinical_forms.py" line="374"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>年-月-日（可不填）</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop_app/ui/printing.py" line="138"/>
        <source>The printer {name} could not start.</source>
        <translation>打印机 {name} 无法启动。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/printing.py" line="148"/>
        <source>The printer {name} stopped after page {page}.</source>
        <translation>打印机 {name} 在第 {page} 页后停止。</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../desktop_app/ui/queue_cards.py" line="36"/>
        <source>Waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_cards.py" line="37"/>
        <source>With consultant</source>
        <translation>咨询中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_cards.py" line="38"/>
        <source>With doctor</source>
        <translation>面诊中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_cards.py" line="39"/>
        <source>In treatment</source>
        <translation>治疗中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_cards.py" line="40"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_cards.py" line="41"/>
        <source>Left untreated</source>
        <translation>未治疗离开</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_cards.py" line="44"/>
        <source>First visit</source>
        <translation>初诊</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_cards.py" line="45"/>
        <source>Return</source>
        <translation>复诊</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_cards.py" line="46"/>
        <source>Repurchase</source>
        <translation>再消费</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_cards.py" line="47"/>
        <source>Course</source>
        <translation>疗程</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_cards.py" line="141"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_cards.py" line="145"/>
        <source>{minutes} — over time</source>
        <translation>{minutes} — 已超时</translation>
    </message>
</context>
<context>
    <name>QueueBoard</name>
    <message>
        <location filename="../../desktop_app/ui/queue_board.py" line="159"/>
        <source>◀ Back (Ctrl+Left)</source>
        <translation>◀ 退回 (Ctrl+←)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_board.py" line="160"/>
        <source>Next ▶ (Ctrl+Right)</source>
        <translation>下一步 ▶ (Ctrl+→)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_board.py" line="161"/>
        <source>&amp;Consultant</source>
        <translation>咨询师(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_board.py" line="162"/>
        <source>&amp;Doctor</source>
        <translation>医生(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_board.py" line="163"/>
        <source>&amp;Room</source>
        <translation>诊室(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_board.py" line="164"/>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
</context>
<context>
    <name>QueueLimitsBox</name>
    <message>
        <location filename="../../desktop_app/ui/queue_settings.py" line="46"/>
        <source>Queue board: minutes before a card is flagged</source>
        <translation>分诊看板：超过多少分钟标记超时</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_settings.py" line="50"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_settings.py" line="51"/>
        <source>Save time limits</source>
        <translation>保存时限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/queue_settings.py" line="78"/>
        <source>Saved. Every station&apos;s board uses the new limits.</source>
        <translation>已保存。所有工作站的看板都将使用新的时限。</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="88"/>
        <source>Give to someone else</source>
        <translation>转给他人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="99"/>
        <source>{patient}: now with {who}</source>
        <translation>{patient}：目前由 {who} 负责</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="105"/>
        <source>&amp;Give to</source>
        <translation>转给(&amp;G)</translation>
    </message>
</context>
<context>
    <name>RecallModel</name>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="51"/>
        <source>Record no.</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="52"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="53"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="54"/>
        <source>Treated</source>
        <translation>治疗时间</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="55"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="56"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="57"/>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/lot_recall.py" line="58"/>
        <source>Quantity</source>
        <translation>用量</translation>
    </message>
</context>
<context>
    <name>RecordDocuments</name>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="80"/>
        <source>&amp;Documents</source>
        <translation>文书(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="82"/>
        <source>Print, reprint and sign consents and aftercare sheets (Ctrl+P)</source>
        <translation>打印、补打和签署知情同意书及术后护理须知（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="148"/>
        <source>&amp;Aftercare sheet…</source>
        <translation>术后护理须知(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="152"/>
        <source>&amp;Consent…</source>
        <translation>知情同意书(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="157"/>
        <source>&amp;Open / reprint…</source>
        <translation>打开/补打(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="160"/>
        <source>Sign &amp;again on the current version…</source>
        <translation>按当前版本重新签署(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="162"/>
        <source>Attach signed &amp;scan…</source>
        <translation>附上签字扫描件(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="166"/>
        <source>Sign again: {title}…</source>
        <translation>重新签署：{title}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="227"/>
        <source>Your role does not allow printing treatment documents.</source>
        <translation>您的角色无权打印治疗文书。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="234"/>
        <source>No template is linked to {item} in the catalogue.</source>
        <translation>项目目录中 {item} 未关联任何模板。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="306"/>
        <source>Attach the signed scan</source>
        <translation>附上签字扫描件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="308"/>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="320"/>
        <source>The signed scan is attached to the document.</source>
        <translation>签字扫描件已附到该文书。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="325"/>
        <source>This file is not a PDF, PNG or JPEG scan. Scan the page again.</source>
        <translation>此文件不是 PDF、PNG 或 JPEG 扫描件。请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="326"/>
        <source>The scan is empty or larger than 20 MB. Scan at a lower resolution.</source>
        <translation>扫描件为空或大于 20 MB。请用较低分辨率扫描。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="328"/>
        <source>A signed scan is already attached to this document; it is never replaced.</source>
        <translation>该文书已附有签字扫描件，不能替换。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="334"/>
        <source>The file could not be read: {error}</source>
        <translation>无法读取文件：{error}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_documents.py" line="341"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
</context>
<context>
    <name>ReminderRules</name>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="46"/>
        <source>Receptionist</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="47"/>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="48"/>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="49"/>
        <source>Nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="50"/>
        <source>Manager</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="66"/>
        <source>Days after the event, 0 to 3650, separated by commas (e.g. 1,3,7,30).</source>
        <translation>事件后的天数，0 到 3650，用逗号分隔（例如 1,3,7,30）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="69"/>
        <source>This kind of rule takes one number of days.</source>
        <translation>这类规则只能填一个天数。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="72"/>
        <source>This item is not in the catalogue.</source>
        <translation>项目目录中没有这个项目。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="75"/>
        <source>Choose an item or a category.</source>
        <translation>请选择一个项目或一个类别。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="78"/>
        <source>Choose an active staff member.</source>
        <translation>请选择在职员工。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="81"/>
        <source>At most 80 characters.</source>
        <translation>最多 80 个字。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="82"/>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="85"/>
        <source>Between 1 and 10 tries.</source>
        <translation>1 到 10 次。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="40"/>
        <source>Treatment done</source>
        <translation>完成治疗</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="41"/>
        <source>Consultation without a deal</source>
        <translation>咨询未成交</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="42"/>
        <source>Course session due</source>
        <translation>疗程到期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="43"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="44"/>
        <source>Days since the last visit</source>
        <translation>距上次到院天数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="45"/>
        <source>Added by hand for one patient</source>
        <translation>为某位患者手动添加</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="46"/>
        <source>Reaction needing a doctor&apos;s review</source>
        <translation>需医生复查的不良反应</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="49"/>
        <source>A booking coming (days before it)</source>
        <translation>即将到来的预约（提前天数）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="52"/>
        <source>A booked patient did not come</source>
        <translation>预约患者未到院</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="57"/>
        <source>Any receptionist</source>
        <translation>任一前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="58"/>
        <source>The patient&apos;s consultant, else any</source>
        <translation>患者的咨询师，没有则任一咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="59"/>
        <source>The visit&apos;s doctor, else any</source>
        <translation>就诊医生，没有则任一医生</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="60"/>
        <source>The treating nurse, else any</source>
        <translation>治疗护士，没有则任一护士</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="61"/>
        <source>Any manager</source>
        <translation>任一管理员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="63"/>
        <source>Treating nurse / consultant (default)</source>
        <translation>治疗护士 / 咨询师（默认）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="76"/>
        <source>every {category} item</source>
        <translation>所有{category}项目</translation>
    </message>
</context>
<context>
    <name>ReminderRulesBox</name>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="170"/>
        <source>Reminder rules</source>
        <translation>提醒规则</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="171"/>
        <source>&amp;New rule…</source>
        <translation>新建规则(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="172"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="173"/>
        <source>Switch on/o&amp;ff</source>
        <translation>启用/停用(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="176"/>
        <source>Each rule makes reminders when its event happens: one for each number of days after it. Switching a rule off stops new reminders; those already made stay on the lists.</source>
        <translation>每条规则在其事件发生时生成提醒：事件后每个天数各一条。停用规则只停止生成新提醒，已生成的仍在列表中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="181"/>
        <source>Only a manager can change the reminder rules.</source>
        <translation>只有管理员可以修改提醒规则。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="271"/>
        <source>Saved: {name} is on.</source>
        <translation>已保存：{name} 已启用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="271"/>
        <source>Saved: {name} is off.</source>
        <translation>已保存：{name} 已停用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="280"/>
        <source>{who} changed this rule at {when}, after you opened it. Yours was not saved; the list now shows theirs.</source>
        <translation>{who} 在您打开后于 {when} 修改了这条规则。您的修改未保存；列表现显示对方的版本。</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="85"/>
        <source>Offline — working from this computer&apos;s copy</source>
        <translation>离线 — 正在使用本机副本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="91"/>
        <source>Offline — working from this computer&apos;s copy (%n change(s) waiting to be sent)</source>
        <translation>离线 — 正在使用本机副本（%n 项修改等待发送）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="100"/>
        <source>Back online — sending %n change(s) made offline</source>
        <translation>已恢复连接 — 正在发送离线时的 %n 项修改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="108"/>
        <source>Offline — the clinic server cannot be reached. The list shows what was loaded before; changes cannot be saved until it is back.</source>
        <translation>离线 — 无法连接诊所服务器。列表显示的是之前载入的内容；服务器恢复前无法保存修改。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="114"/>
        <source>Offline — the clinic server cannot be reached, and this computer has no copy of the reminders yet. They will show when the server is back.</source>
        <translation>离线 — 无法连接诊所服务器，本机还没有提醒副本。服务器恢复后会显示。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="125"/>
        <source>⚠ %n conflict(s) to decide…</source>
        <translation>⚠ 有 %n 项冲突待决定…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="179"/>
        <source>{patient}: snoozed to {day}.</source>
        <translation>{patient}：已推迟到 {day}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="209"/>
        <source>{patient}: given to {who}.</source>
        <translation>{patient}：已转给 {who}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="220"/>
        <source>{patient} is not registered yet, so there is no record to open: it is made when they arrive for their booking.</source>
        <translation>{patient} 尚未登记，没有病历可打开：到院签到时会建立病历。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="274"/>
        <source>Record my call anyway</source>
        <translation>仍然记录我的回访</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="282"/>
        <source>Try saving my call again</source>
        <translation>重新保存我的回访</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="286"/>
        <source>Not saved: the clinic server cannot be reached.</source>
        <translation>未保存：无法连接诊所服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="300"/>
        <source>{patient}: call recorded.</source>
        <translation>{patient}：回访已记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="304"/>
        <source>An urgent reminder went to the doctor.</source>
        <translation>已给医生发送紧急提醒。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="309"/>
        <source>{patient}: not reached; tried again on {day} (try {n} of {max}).</source>
        <translation>{patient}：未接通；{day} 再打（第 {n} 次，共 {max} 次）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_actions.py" line="317"/>
        <source>{patient}: not reached on the last try; the reminder is closed.</source>
        <translation>{patient}：最后一次仍未接通；提醒已关闭。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="25"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="26"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="27"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="28"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="33"/>
        <source>Any receptionist</source>
        <translation>任一前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="34"/>
        <source>Any consultant</source>
        <translation>任一咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="35"/>
        <source>Any doctor</source>
        <translation>任一医生</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="36"/>
        <source>Any nurse</source>
        <translation>任一护士</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="37"/>
        <source>Any manager</source>
        <translation>任一管理员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="65"/>
        <source>day %n</source>
        <translation>第 %n 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="89"/>
        <source>{name} (lead)</source>
        <translation>{name}（意向客户）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="21"/>
        <source>Snooze to a day after today.</source>
        <translation>请推迟到今天之后的某一天。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="22"/>
        <source>This reminder was closed meanwhile: the list is reloaded.</source>
        <translation>这条提醒期间已被关闭：列表已重新载入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="25"/>
        <source>Satisfaction is 1 to 5.</source>
        <translation>满意度为 1 到 5。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="26"/>
        <source>Nobody answered: there is no reaction or satisfaction to record.</source>
        <translation>未接通：无需记录反应或满意度。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="29"/>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="32"/>
        <source>Choose a person or a role.</source>
        <translation>请选择一个人或一个角色。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="33"/>
        <source>Choose an active staff member.</source>
        <translation>请选择在职员工。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="34"/>
        <source>Choose today or a later day.</source>
        <translation>请选择今天或以后的日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="48"/>
        <source>{who} changed this reminder at {when}, after your list was loaded. Yours was not saved; the list now shows theirs.</source>
        <translation>{who} 在您的列表载入后于 {when} 修改了这条提醒。您的修改未保存；列表现显示对方的版本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="57"/>
        <source>open</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="58"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="59"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="66"/>
        <source>Back online: %n change(s) made offline were sent.</source>
        <translation>已恢复连接：离线时的 %n 项修改已发送。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_words.py" line="70"/>
        <source>%n could not be applied because the reminder changed meanwhile: see Conflicts.</source>
        <translation>有 %n 项因提醒期间被改动而未能应用：请查看冲突。</translation>
    </message>
</context>
<context>
    <name>RemindersModel</name>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="119"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="120"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="121"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="122"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="123"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="124"/>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="125"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_model.py" line="126"/>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="224"/>
        <source>Sho&amp;w</source>
        <translation>显示(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="229"/>
        <source>Done… (Enter)</source>
        <translation>完成…（Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="229"/>
        <source>Record the call&apos;s outcome</source>
        <translation>记录回访结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="230"/>
        <source>Tomorrow (1)</source>
        <translation>明天（1）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="230"/>
        <source>Snooze to tomorrow</source>
        <translation>推迟到明天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="231"/>
        <source>In 3 days (3)</source>
        <translation>3 天后（3）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="231"/>
        <source>Snooze for three days</source>
        <translation>推迟三天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="233"/>
        <source>Pick a day… (S)</source>
        <translation>选择日期…（S）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="234"/>
        <source>Snooze to a day you pick (also Ctrl+Shift+S)</source>
        <translation>推迟到所选日期（也可按 Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="237"/>
        <source>Give to… (R)</source>
        <translation>转给…（R）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="238"/>
        <source>Give to another person or to anyone of a role</source>
        <translation>转给另一个人或某个角色的任何人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="240"/>
        <source>Open patient (Ctrl+O)</source>
        <translation>打开病历（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="240"/>
        <source>Open the record</source>
        <translation>打开病历</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="242"/>
        <source>Book now (B)</source>
        <translation>立即预约 (B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="243"/>
        <source>Book the visit this call is about, in the appointment book</source>
        <translation>在预约簿中预约这次回访所涉及的到院</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="250"/>
        <source>Record the call&apos;s outcome (Enter, Ctrl+D)</source>
        <translation>记录回访结果（Enter、Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="252"/>
        <source>Snooze:</source>
        <translation>推迟：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="253"/>
        <source>Reload (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="254"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="256"/>
        <source>The list shown: this section, for whom it is shown (Ctrl+Shift+E)</source>
        <translation>导出当前显示的列表：当前分组、当前查看范围（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="270"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="271"/>
        <source>My role</source>
        <translation>我的角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="273"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="278"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="278"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="278"/>
        <source>Upcoming</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="440"/>
        <source>Nothing overdue.</source>
        <translation>没有逾期的提醒。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminders_page.py" line="441"/>
        <source>Nothing due today.</source>
        <translation>今天没有到期的提醒。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/reminders_page.py" line="442"/>
        <source>Nothing due in the next %n day(s).</source>
        <translation>
            <numerusform>未来 %n 天内没有到期的提醒。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportAction</name>
    <message>
        <location filename="../../desktop_app/ui/report_action.py" line="74"/>
        <source>Choose several with Ctrl or Shift, then {action} ({keys}).</source>
        <translation>按住 Ctrl 或 Shift 可多选，然后{action}（{keys}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_action.py" line="95"/>
        <source>Choose one or more rows first.</source>
        <translation>请先选择一行或多行。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_action.py" line="101"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="176"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="177"/>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="178"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="180"/>
        <source>Compute the report for the period (F5)</source>
        <translation>按所选时段计算报表（F5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="182"/>
        <source>Compute the report as of now (F5)</source>
        <translation>按截至目前的数据计算报表（F5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="184"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="185"/>
        <source>&amp;Export table…</source>
        <translation>导出表格(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="186"/>
        <source>Save &amp;chart…</source>
        <translation>保存图表(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="240"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="252"/>
        <source>Cancelled. Refresh (F5) to compute again.</source>
        <translation>已取消。点击刷新（F5）重新计算。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="262"/>
        <source>Nothing in this period.</source>
        <translation>该时段内没有数据。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="263"/>
        <source>Nothing yet.</source>
        <translation>暂无数据。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/report_view.py" line="266"/>
        <source>%n patient(s), as of {today}. Double-click one (or press Enter) to open their record.</source>
        <translation>
            <numerusform>%n 位患者，截至 {today}。双击（或按 Enter）打开其档案。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/report_view.py" line="275"/>
        <source>%n row(s), as of {today}. Double-click a number (or press Enter on it) to see the patients behind it.</source>
        <translation>
            <numerusform>共 %n 行，截至 {today}。双击某个数字（或选中后按 Enter）可查看其对应的患者。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/report_view.py" line="284"/>
        <source>%n row(s), {since} to {until}. Double-click a number (or press Enter on it) to see the patients behind it.</source>
        <translation>
            <numerusform>共 %n 行，{since} 至 {until}。双击某个数字（或选中后按 Enter）可查看其对应的患者。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="307"/>
        <location filename="../../desktop_app/ui/report_view.py" line="325"/>
        <source>This column has no list of patients behind it.</source>
        <translation>此列没有对应的患者名单。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="311"/>
        <source>Listing the patients…</source>
        <translation>正在列出患者…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="349"/>
        <source>Export the report table</source>
        <translation>导出报表表格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="359"/>
        <source>Save the chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="359"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="367"/>
        <source>Chart saved to {file}.</source>
        <translation>图表已保存到 {file}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_view.py" line="370"/>
        <source>The chart could not be saved to {file}.</source>
        <translation>无法将图表保存到 {file}。</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../desktop_app/ui/report_specs.py" line="36"/>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="26"/>
        <location filename="../../desktop_app/ui/report_specs_repurchase.py" line="33"/>
        <source>(no channel)</source>
        <translation>（无渠道）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs.py" line="39"/>
        <location filename="../../desktop_app/ui/report_specs_repurchase.py" line="35"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_trend.py" line="26"/>
        <source>New</source>
        <translation>新客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_trend.py" line="27"/>
        <source>Arrived</source>
        <translation>到院</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_trend.py" line="28"/>
        <source>Consulted</source>
        <translation>已咨询</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_trend.py" line="29"/>
        <source>Dealt</source>
        <translation>已成交</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_trend.py" line="30"/>
        <source>Repurchased</source>
        <translation>已复购</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_trend.py" line="31"/>
        <source>Arrival rate</source>
        <translation>到院率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_trend.py" line="32"/>
        <source>Consultation rate</source>
        <translation>咨询率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="35"/>
        <location filename="../../desktop_app/ui/report_specs_trend.py" line="33"/>
        <source>Deal rate</source>
        <translation>成交率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_repurchase.py" line="30"/>
        <location filename="../../desktop_app/ui/report_specs_trend.py" line="34"/>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs.py" line="41"/>
        <source>Share of new</source>
        <translation>新客占比</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs.py" line="52"/>
        <location filename="../../desktop_app/ui/report_specs.py" line="70"/>
        <source>Channel funnel</source>
        <translation>渠道漏斗</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="27"/>
        <source>Patients by</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="28"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="30"/>
        <source>Age under 18</source>
        <translation>18 岁以下</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="31"/>
        <source>Age 18–24</source>
        <translation>18–24 岁</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="32"/>
        <source>Age 25–34</source>
        <translation>25–34 岁</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="33"/>
        <source>Age 35–44</source>
        <translation>35–44 岁</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="34"/>
        <source>Age 45–54</source>
        <translation>45–54 岁</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="35"/>
        <source>Age 55 and over</source>
        <translation>55 岁及以上</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="36"/>
        <source>Age unknown</source>
        <translation>年龄未知</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="37"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="38"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="39"/>
        <source>Sex unknown</source>
        <translation>性别未知</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="40"/>
        <source>Region not recorded</source>
        <translation>未填写地区</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="41"/>
        <source>Other regions</source>
        <translation>其他地区</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="44"/>
        <source>&lt;18</source>
        <translation>&lt;18</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="45"/>
        <source>55+</source>
        <translation>55+</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="46"/>
        <source>?</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="48"/>
        <source>Region {region}</source>
        <translation>地区：{region}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="105"/>
        <source>Patients by age band and channel</source>
        <translation>各年龄段患者（按渠道）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_demographics.py" line="128"/>
        <source>Demographics</source>
        <translation>客户画像</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_courses.py" line="25"/>
        <source>All items</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_courses.py" line="27"/>
        <location filename="../../desktop_app/ui/report_specs_repurchase.py" line="27"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_courses.py" line="28"/>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_courses.py" line="29"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_courses.py" line="30"/>
        <source>Completion rate</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_courses.py" line="31"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_courses.py" line="32"/>
        <source>Expired unfinished</source>
        <translation>过期未完成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_courses.py" line="33"/>
        <source>Sessions used</source>
        <translation>已用次数占比</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_courses.py" line="57"/>
        <source>Courses sold per item, as they stand today</source>
        <translation>各项目售出疗程的当前状态</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_courses.py" line="79"/>
        <source>Course completion</source>
        <translation>疗程完成情况</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_repurchase.py" line="28"/>
        <source>Buyers</source>
        <translation>购买人数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_repurchase.py" line="29"/>
        <source>Repurchasers</source>
        <translation>复购人数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_repurchase.py" line="31"/>
        <source>Days between purchases</source>
        <translation>平均复购间隔（天）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_repurchase.py" line="42"/>
        <source>Buyers coming back, by item</source>
        <translation>各项目购买与复购人数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_repurchase.py" line="47"/>
        <source>Buyers coming back, by channel</source>
        <translation>各渠道消费者复购</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_repurchase.py" line="78"/>
        <source>Repurchase by item</source>
        <translation>各项目复购</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_repurchase.py" line="101"/>
        <source>Repurchase by channel</source>
        <translation>渠道复购</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="26"/>
        <source>Champions</source>
        <translation>重要价值客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="27"/>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="28"/>
        <source>Potential loyalists</source>
        <translation>潜力客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="29"/>
        <source>New buyers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="30"/>
        <source>Promising</source>
        <translation>有潜力的新客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="31"/>
        <source>Need attention</source>
        <translation>需关注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="32"/>
        <source>About to sleep</source>
        <translation>即将沉睡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="33"/>
        <source>At risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="34"/>
        <source>Can&apos;t lose them</source>
        <translation>不能失去的客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="35"/>
        <source>Hibernating</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="36"/>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="39"/>
        <source>Segment</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="27"/>
        <source>Record no.</source>
        <translation>档案号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="28"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="30"/>
        <source>Days since</source>
        <translation>距今天数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="31"/>
        <source>× usual interval</source>
        <translation>× 常规间隔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="32"/>
        <source>Last item</source>
        <translation>最近项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="37"/>
        <source>(no consultant)</source>
        <translation>（无咨询师）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="39"/>
        <source>Last purchase</source>
        <translation>最近消费</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="40"/>
        <source>Usual interval (days)</source>
        <translation>常规间隔（天）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="41"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="45"/>
        <source>up to 1.5×</source>
        <translation>1.5 倍以内</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="46"/>
        <source>1.5–2×</source>
        <translation>1.5–2 倍</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="47"/>
        <source>2–3×</source>
        <translation>2–3 倍</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="48"/>
        <source>3× or more</source>
        <translation>3 倍及以上</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="78"/>
        <source>Patients at risk, by how late they are</source>
        <translation>流失风险患者（按超期程度）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="79"/>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="40"/>
        <location filename="../../desktop_app/ui/report_specs_tags.py" line="32"/>
        <location filename="../../desktop_app/ui/report_specs_tags.py" line="51"/>
        <source>Patients</source>
        <translation>患者数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="90"/>
        <source>No reminder made: the %n chosen patient(s) already have an open churn reminder.</source>
        <translation>未生成提醒：所选 %n 位患者已有未完成的流失预警提醒。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="96"/>
        <source>%n call reminder(s) made for the consultants.</source>
        <translation>已为咨询师生成 %n 条回访提醒。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="101"/>
        <source>%n patient(s) skipped: they already have an open churn reminder.</source>
        <translation>跳过 %n 位患者：已有未完成的流失预警提醒。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="116"/>
        <source>Re&amp;mind consultants…</source>
        <translation>提醒咨询师(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="118"/>
        <source>Make a call reminder, due today, for the consultant of each of the %n chosen patient(s)? A patient who already has an open churn reminder is skipped.</source>
        <translation>为所选 %n 位患者的咨询师各生成一条今天到期的回访提醒？已有未完成流失预警提醒的患者将跳过。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="131"/>
        <source>Churn warning</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="41"/>
        <source>Share of buyers</source>
        <translation>占购买客户比例</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="29"/>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="42"/>
        <source>Value</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="68"/>
        <source>Buyers by RFM segment</source>
        <translation>各 RFM 分层的购买客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_rfm.py" line="82"/>
        <source>RFM segments</source>
        <translation>RFM 客户分层</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="24"/>
        <source>Receptionist</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_churn.py" line="35"/>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="25"/>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="26"/>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="27"/>
        <source>Nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="28"/>
        <source>Manager</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="31"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="32"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="33"/>
        <source>Consultations</source>
        <translation>咨询数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="34"/>
        <source>Deals</source>
        <translation>成交数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="36"/>
        <source>Treated patients</source>
        <translation>已治疗患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="37"/>
        <source>Calls on time</source>
        <translation>按时回访</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="38"/>
        <source>Calls late</source>
        <translation>延迟回访</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="39"/>
        <source>Calls overdue</source>
        <translation>逾期未回访</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="40"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="41"/>
        <source>Rated calls</source>
        <translation>有评分的回访</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="67"/>
        <location filename="../../desktop_app/ui/report_specs_staff.py" line="83"/>
        <source>Staff performance</source>
        <translation>员工业绩</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_tags.py" line="25"/>
        <source>(typed at the desk)</source>
        <translation>（前台手动输入）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_tags.py" line="26"/>
        <source>Item bought</source>
        <translation>购买项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_tags.py" line="27"/>
        <source>Total spent (yuan)</source>
        <translation>累计消费（元）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_tags.py" line="30"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_tags.py" line="31"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_tags.py" line="50"/>
        <source>Most carried tags</source>
        <translation>最常用的标签</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_tags.py" line="67"/>
        <source>Tag usage</source>
        <translation>标签使用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_trend.py" line="36"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_specs_trend.py" line="43"/>
        <location filename="../../desktop_app/ui/report_specs_trend.py" line="62"/>
        <source>Funnel by month</source>
        <translation>月度漏斗</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../desktop_app/ui/reports_page.py" line="107"/>
        <source>Saved segments</source>
        <translation>已存人群</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_page.py" line="108"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_page.py" line="112"/>
        <source>Choose a report: the channel funnel, funnel by month, staff, repurchase by item or by channel, course completion, churn warning, RFM segments, demographics or tags, or your saved segments. Pick a period and Refresh (F5); double-click a number to see the patients behind it.</source>
        <translation>选择报表：渠道漏斗、月度漏斗、员工业绩、项目或渠道复购、疗程完成情况、流失预警、RFM 分层、人口属性、标签，或已存人群。选择时间段后刷新（F5）；双击数字可查看对应患者。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reports_page.py" line="119"/>
        <source>Reports are for managers.</source>
        <translation>报表仅供管理人员查看。</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="222"/>
        <source>Roles of {name}</source>
        <translation>{name} 的角色</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="109"/>
        <source>Reminder rule</source>
        <translation>提醒规则</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="109"/>
        <source>New reminder rule</source>
        <translation>新建提醒规则</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="112"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="116"/>
        <source>&amp;When</source>
        <translation>触发条件(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="121"/>
        <source>every {category} item</source>
        <translation>所有{category}项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="123"/>
        <source>&amp;Item</source>
        <translation>项目(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="126"/>
        <source>&amp;Days after</source>
        <translation>之后天数(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="134"/>
        <source>&amp;To whom</source>
        <translation>提醒对象(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="138"/>
        <source>One question per line</source>
        <translation>每行一个问题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="139"/>
        <source>&amp;Questions to ask</source>
        <translation>回访问题(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="143"/>
        <source>&amp;Priority</source>
        <translation>优先级(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="148"/>
        <source>T&amp;ries if not reached</source>
        <translation>未接通时尝试次数(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rule_dialog.py" line="150"/>
        <source>&amp;Active (untick to stop new reminders)</source>
        <translation>启用（取消勾选即停止生成新提醒）(&amp;A)</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="92"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="93"/>
        <source>When</source>
        <translation>触发条件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="94"/>
        <source>Days after</source>
        <translation>之后天数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="95"/>
        <source>To whom</source>
        <translation>提醒对象</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="96"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="97"/>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="98"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="114"/>
        <source>on</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_rules_settings.py" line="114"/>
        <source>off</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="106"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="107"/>
        <source>Save &amp;report…</source>
        <translation>保存报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="108"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="108"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="108"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="110"/>
        <source>Rows read</source>
        <translation>已读取行数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="111"/>
        <source>New patients</source>
        <translation>新患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="111"/>
        <source>Patients imported</source>
        <translation>已导入患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="113"/>
        <source>Already registered (empty fields filled in)</source>
        <translation>已登记（已补填空白字段）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="115"/>
        <source>Already registered (left as they are)</source>
        <translation>已登记（保持不变）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="117"/>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="118"/>
        <source>Of the new patients, to look at</source>
        <translation>其中需核对的新患者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="158"/>
        <source>Checking {file}; nothing is written yet…</source>
        <translation>正在检查 {file}，尚未写入任何数据…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="159"/>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="167"/>
        <source>Stopping after the rows being read now…</source>
        <translation>正在停止，读完当前这批行后结束…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="184"/>
        <source>Record numbers {first} to {last}.</source>
        <translation>病历号 {first} 至 {last}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="203"/>
        <source>Check stopped: the counts are for the rows read so far.</source>
        <translation>检查已停止：以上数量只统计已读取的行。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="206"/>
        <source>Checked: nothing has been written yet. Importing would do this. The rows below are the ones to look at; their row numbers are the file&apos;s.</source>
        <translation>检查完成：尚未写入任何数据。导入后的结果将如上所示。下方是需要核对的行，行号与文件中的一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="211"/>
        <source>Stopped. The patients imported so far are kept. Import again to bring in the rest: nothing already imported is imported twice.</source>
        <translation>已停止。已导入的患者会保留。再次导入即可导入其余患者：已导入的不会重复导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="214"/>
        <source>Done. The new patients are found by search like any other.</source>
        <translation>完成。新患者可以像其他患者一样通过查找找到。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="225"/>
        <source>The patients imported before this are kept. Import again when the problem is solved: nothing already imported is imported twice.</source>
        <translation>此前已导入的患者会保留。问题解决后请再次导入：已导入的不会重复导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="251"/>
        <source>Report saved: {file}</source>
        <translation>报告已保存：{file}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/import_run_page.py" line="255"/>
        <source>The report could not be saved: {reason}</source>
        <translation>无法保存报告：{reason}</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../desktop_app/ui/patient_search.py" line="61"/>
        <source>Record no.</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_search.py" line="61"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_search.py" line="61"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_search.py" line="61"/>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="13"/>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="18"/>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="23"/>
        <source>Patients</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="28"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="29"/>
        <source>Follow-up calls after treatment and repurchase reminders will be here, and will keep working when the clinic server cannot be reached.</source>
        <translation>这里将提供术后回访和复购提醒，即使诊所服务器无法连接也能继续使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="37"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="42"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="43"/>
        <source>The manager&apos;s reports will be here: channel funnel, staff performance, repurchase and patients drifting away.</source>
        <translation>这里将提供管理报表：渠道漏斗、员工业绩、复购与流失预警。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="49"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SecurityBox</name>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="45"/>
        <source>Save the clinic&apos;s key file</source>
        <translation>保存诊所密钥文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="46"/>
        <location filename="../../desktop_app/ui/security_box.py" line="52"/>
        <source>Clinic Desk key files (*.cdkey)</source>
        <translation>Clinic Desk 密钥文件 (*.cdkey)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="51"/>
        <source>Open the clinic&apos;s key file</source>
        <translation>打开诊所密钥文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="98"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="101"/>
        <source>Photos and backups are encrypted with the clinic&apos;s key. Each computer keeps its copy of the key in its own secure store; the database does not hold it. If every copy is lost (the computers replaced or reinstalled), nobody can open the photos and backups again. The remedy is the key file: export it, keep it somewhere safe away from these computers with its passphrase written down apart, and import it on each new computer.</source>
        <translation>照片和备份使用诊所密钥加密。每台电脑把密钥保存在自己的安全存储中，数据库里没有密钥。如果所有副本都丢失（电脑更换或重装），任何人都无法再打开这些照片和备份。补救办法是密钥文件：导出它，存放在远离这些电脑的安全地方，口令另行记下分开保管，并在每台新电脑上导入。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="109"/>
        <source>&amp;Export key file…</source>
        <translation>导出密钥文件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="110"/>
        <source>&amp;Import key file…</source>
        <translation>导入密钥文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="131"/>
        <source>This computer holds the clinic&apos;s key.</source>
        <translation>本机已有诊所密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="134"/>
        <source>This computer does not hold the clinic&apos;s key: import the key file.</source>
        <translation>本机没有诊所密钥：请导入密钥文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="172"/>
        <source>Key file saved: {path}. Keep it away from this computer (a USB stick in the safe) and the passphrase apart from it.</source>
        <translation>密钥文件已保存：{path}。请把它存放在这台电脑之外（例如保险柜里的 U 盘），口令另行保管。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/security_box.py" line="206"/>
        <source>The clinic&apos;s key is on this computer now: photos open here.</source>
        <translation>诊所密钥已在本机：现在可以在这里打开照片。</translation>
    </message>
</context>
<context>
    <name>SegmentDialog</name>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="162"/>
        <source>Segment</source>
        <translation>人群</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="162"/>
        <source>New segment</source>
        <translation>新建人群</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="166"/>
        <source>e.g. Sleeping big spenders</source>
        <translation>例如：沉睡的高消费客户</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="167"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="170"/>
        <source>Carries &amp;all of these tags</source>
        <translation>同时带有以下全部标签(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="174"/>
        <source>Carries a&amp;t least one of</source>
        <translation>至少带有其中一个标签(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="177"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="178"/>
        <source>Women</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="179"/>
        <source>Men</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="180"/>
        <source>&amp;Sex</source>
        <translation>性别(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="182"/>
        <source>&amp;Youngest age</source>
        <translation>最小年龄(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="184"/>
        <source>&amp;Oldest age</source>
        <translation>最大年龄(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="186"/>
        <source>&amp;Channel</source>
        <translation>渠道(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="189"/>
        <source>&amp;Bought this item</source>
        <translation>消费过该项目(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="192"/>
        <source>any; e.g. 5000</source>
        <translation>不限；例如 5000</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="194"/>
        <source>All purchases &amp;worth at least</source>
        <translation>累计消费至少(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="197"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="199"/>
        <source>Bought, but not in the &amp;last</source>
        <translation>消费过，但最近未消费(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="237"/>
        <location filename="../../desktop_app/ui/segment_editor.py" line="249"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="297"/>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="309"/>
        <source>No count yet: {problem}</source>
        <translation>暂无人数：{problem}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/segment_editor.py" line="312"/>
        <source>%n patient(s) today</source>
        <translation>
            <numerusform>今天共 %n 位患者</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentRemindersDialog</name>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="371"/>
        <source>Reminders for {name}</source>
        <translation>为“{name}”生成提醒</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/segment_editor.py" line="375"/>
        <source>One reminder for each of the %n patient(s) in this segment today.</source>
        <translation>
            <numerusform>为该人群今天的 %n 位患者各生成一条提醒。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="384"/>
        <source>&amp;Due on</source>
        <translation>到期日(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="388"/>
        <source>What to do, e.g. invite to the spring offer</source>
        <translation>要做什么，例如：邀请参加春季活动</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="389"/>
        <source>&amp;What</source>
        <translation>事项(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="392"/>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="395"/>
        <source>&amp;For</source>
        <translation>负责人(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="396"/>
        <source>&amp;Make reminders</source>
        <translation>生成提醒(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="413"/>
        <source>Choose today or a later day.</source>
        <translation>请选择今天或之后的日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="414"/>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="415"/>
        <source>Say what is to be done.</source>
        <translation>请写明要做的事。</translation>
    </message>
</context>
<context>
    <name>Segments</name>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="65"/>
        <source>Give the segment a name.</source>
        <translation>请为人群命名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="66"/>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="69"/>
        <source>Another segment already has this name.</source>
        <translation>已有同名的人群。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="72"/>
        <source>Choose at least one condition.</source>
        <translation>请至少选择一个条件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="75"/>
        <source>The oldest age is below the youngest.</source>
        <translation>最大年龄小于最小年龄。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="78"/>
        <location filename="../../desktop_app/ui/segment_editor.py" line="81"/>
        <source>Type an amount such as 5000 or 5000.50.</source>
        <translation>请输入金额，例如 5000 或 5000.50。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="84"/>
        <source>This item is not in the catalogue.</source>
        <translation>项目目录中没有该项目。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_editor.py" line="92"/>
        <source>Give a number that is not negative.</source>
        <translation>请输入不小于 0 的数字。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="28"/>
        <source>tags {tags}</source>
        <translation>标签 {tags}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="34"/>
        <source>any of {tags}</source>
        <translation>任一标签 {tags}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="39"/>
        <source>women</source>
        <translation>女性</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="41"/>
        <source>men</source>
        <translation>男性</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="44"/>
        <source>aged {low}–{high}</source>
        <translation>{low}–{high} 岁</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="50"/>
        <source>aged {low} or more</source>
        <translation>{low} 岁及以上</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="54"/>
        <source>aged {high} or less</source>
        <translation>{high} 岁及以下</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="58"/>
        <source>from {channel}</source>
        <translation>来自{channel}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="62"/>
        <source>bought {item}</source>
        <translation>消费过{item}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="66"/>
        <source>spent at least {amount}</source>
        <translation>累计消费至少 {amount}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="73"/>
        <source>no purchase in the last %n day(s)</source>
        <translation>最近 %n 天未消费</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="75"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>SegmentsModel</name>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="80"/>
        <source>Segment</source>
        <translation>人群</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="80"/>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segment_words.py" line="80"/>
        <source>Patients today</source>
        <translation>今天人数</translation>
    </message>
</context>
<context>
    <name>SegmentsView</name>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="163"/>
        <source>Saved segments</source>
        <translation>已存人群</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="164"/>
        <source>Saved segments are for managers.</source>
        <translation>已存人群仅供管理者使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="165"/>
        <source>&amp;New segment…</source>
        <translation>新建人群(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="166"/>
        <source>A segment from conditions on tags and purchases (Ins)</source>
        <translation>按标签和消费条件新建人群（Ins）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="167"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="168"/>
        <source>Change the chosen segment (F2)</source>
        <translation>修改所选人群（F2）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="169"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="170"/>
        <source>Delete the chosen segment (Del)</source>
        <translation>删除所选人群（Del）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="171"/>
        <source>&amp;Patients…</source>
        <translation>患者(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="173"/>
        <source>The patients the chosen segment picks today (Enter)</source>
        <translation>所选人群今天包含的患者（Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="175"/>
        <source>Re&amp;minders…</source>
        <translation>提醒(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="176"/>
        <source>A reminder for each patient of the segment</source>
        <translation>为人群中的每位患者生成一条提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="177"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="178"/>
        <source>Count each segment&apos;s patients again (F5)</source>
        <translation>重新统计各人群人数（F5）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="181"/>
        <source>A segment keeps its conditions, not its patients: its size and its list are always today&apos;s. Double-click a segment (or press Enter) to list its patients.</source>
        <translation>人群保存的是条件而非患者名单：人数和名单总是按今天计算。双击人群（或按 Enter）可列出其患者。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="257"/>
        <source>Counting each segment&apos;s patients…</source>
        <translation>正在统计各人群人数…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="277"/>
        <source>No saved segments yet.</source>
        <translation>还没有已存人群。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="279"/>
        <source>New segment (Ins) makes one.</source>
        <translation>点“新建人群”（Ins）创建一个。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/segments_view.py" line="282"/>
        <source>%n segment(s), counted today.</source>
        <translation>
            <numerusform>%n 个人群，按今天统计。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="316"/>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="343"/>
        <source>Saved {name}.</source>
        <translation>已保存“{name}”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="352"/>
        <source>Delete the segment {name}? Its patients and their reminders stay; only the saved conditions go.</source>
        <translation>删除人群“{name}”？其患者和提醒都会保留，只删除保存的条件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="355"/>
        <source>Delete segment</source>
        <translation>删除人群</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="358"/>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="369"/>
        <source>Deleted {name}.</source>
        <translation>已删除“{name}”。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="378"/>
        <source>Listing the patients…</source>
        <translation>正在列出患者…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="393"/>
        <source>Patients in the segment</source>
        <translation>人群中的患者</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/segments_view.py" line="422"/>
        <source>%n reminder(s) made for {name}.</source>
        <translation>
            <numerusform>已为“{name}”生成 %n 条提醒。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/segments_view.py" line="425"/>
        <source>Patients who already had an open reminder with these words got no second one.</source>
        <translation>已有相同内容未完成提醒的患者不会重复生成。</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <location filename="../../desktop_app/ui/server_form.py" line="17"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_form.py" line="51"/>
        <source>Server &amp;address</source>
        <translation>服务器地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_form.py" line="52"/>
        <source>P&amp;ort</source>
        <translation>端口(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_form.py" line="53"/>
        <source>&amp;Database</source>
        <translation>数据库(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_form.py" line="54"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_form.py" line="55"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_form.py" line="82"/>
        <source>This field is required.</source>
        <translation>此项为必填。</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="128"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="131"/>
        <source>This computer has no secure password store, so Clinic Desk cannot remember the password of the clinic database. Enter it for this session ({account}).</source>
        <translation>本机没有安全的密码存储（钥匙串），Clinic Desk 无法记住诊所数据库的密码。请输入本次使用的密码（{account}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="136"/>
        <source>Enter the password of the clinic database ({account}). It will be kept in this computer&apos;s secure password store.</source>
        <translation>请输入诊所数据库的密码（{account}）。密码将保存在本机的安全密码存储中。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="134"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="135"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="136"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="137"/>
        <source>Change database connection…</source>
        <translation>更改数据库连接…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="151"/>
        <source>Clinic Desk will use the new database the next time it starts.</source>
        <translation>Clinic Desk 下次启动时将使用新的数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="154"/>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="59"/>
        <source>Clinic Desk</source>
        <translation>Clinic Desk 诊所前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="60"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="61"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="62"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="64"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="67"/>
        <source>Upgrading the clinic database for this version of Clinic Desk…</source>
        <translation>正在为此版本的 Clinic Desk 升级诊所数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="69"/>
        <source>Another computer is upgrading the clinic database for this version of Clinic Desk; this one waits until it has finished…</source>
        <translation>另一台电脑正在为此版本的 Clinic Desk 升级诊所数据库，本机将等待其完成…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="109"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../desktop_app/ui/signature_pad.py" line="273"/>
        <source>Patient: {name}</source>
        <translation>患者：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signature_pad.py" line="274"/>
        <source>Guardian: {name}</source>
        <translation>监护人：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signature_pad.py" line="275"/>
        <source>Doctor: {name}</source>
        <translation>医生：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signature_pad.py" line="280"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signature_pad.py" line="288"/>
        <source>Sign in the box with the mouse, a pen or a finger.</source>
        <translation>请用鼠标、手写笔或手指在框内签名。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signature_pad.py" line="291"/>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signature_pad.py" line="292"/>
        <source>Clear the signature (Ctrl+Backspace, Delete)</source>
        <translation>清除签名（Ctrl+Backspace、Delete）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signature_pad.py" line="293"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signature_pad.py" line="294"/>
        <source>Take back the last stroke (Ctrl+Z)</source>
        <translation>撤销最后一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signature_pad.py" line="295"/>
        <source>&amp;Accept signature</source>
        <translation>确认签名(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signature_pad.py" line="296"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../desktop_app/ui/signature_pad.py" line="248"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="58"/>
        <source>Snooze to a day</source>
        <translation>推迟到某天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reminder_dialogs.py" line="69"/>
        <source>&amp;Remind on</source>
        <translation>提醒日期(&amp;R)</translation>
    </message>
</context>
<context>
    <name>StaffBox</name>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="126"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="127"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="128"/>
        <source>&amp;Roles…</source>
        <translation>角色(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="129"/>
        <source>Reset &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="164"/>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="166"/>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="202"/>
        <source>Saved: {name}.</source>
        <translation>已保存：{name}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="210"/>
        <source>{who} changed this account at {when}, after you opened it. Yours was not saved; the list now shows theirs.</source>
        <translation>{who} 在 {when}（您打开之后）修改了此账号。您的修改未保存；列表现在显示对方的修改。</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="49"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="50"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="51"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="52"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="53"/>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="64"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="64"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_settings.py" line="67"/>
        <source>until {time}</source>
        <translation>至 {time}</translation>
    </message>
</context>
<context>
    <name>StaffSettings</name>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="43"/>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="46"/>
        <source>The clinic needs at least one active manager.</source>
        <translation>诊所至少需要一位在职的管理员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="49"/>
        <source>Tick at least one role.</source>
        <translation>请至少勾选一个角色。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="50"/>
        <source>The main role must be one of the roles ticked.</source>
        <translation>主要角色必须是已勾选的角色之一。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="101"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="103"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="116"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="119"/>
        <source>Password &amp;again</source>
        <translation>再次输入密码(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="128"/>
        <source>&amp;Main role</source>
        <translation>主要角色(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/staff_dialogs.py" line="131"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>StationSetupPage</name>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="143"/>
        <source>Set up this computer</source>
        <translation>设置这台电脑</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="146"/>
        <source>Choose the language and where the clinic&apos;s records are kept. Both can be changed later (View › Language, Database settings).</source>
        <translation>选择语言以及诊所记录的存放位置。两者以后都可以修改（视图 › 语言、数据库设置）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="150"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="151"/>
        <source>&amp;This computer only</source>
        <translation>仅这台电脑(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="154"/>
        <source>For a clinic with one computer: the records are kept in a file on it. Back it up daily (Settings › Backup).</source>
        <translation>适用于只有一台电脑的诊所：记录保存在这台电脑上的一个文件中。请每天备份（设置 › 备份）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="158"/>
        <source>Database &amp;file</source>
        <translation>数据库文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="159"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="160"/>
        <source>The clinic&apos;s &amp;server (PostgreSQL)</source>
        <translation>诊所服务器 (PostgreSQL)(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="162"/>
        <source>For several computers sharing the records over the clinic network.</source>
        <translation>适用于多台电脑通过诊所网络共享记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="166"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="166"/>
        <source>Test &amp;connection</source>
        <translation>测试连接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="168"/>
        <source>&amp;Join the clinic&apos;s existing database</source>
        <translation>加入诊所现有的数据库(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="169"/>
        <source>C&amp;reate the clinic&apos;s database (its first computer)</source>
        <translation>创建诊所数据库（诊所的第一台电脑）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="170"/>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_setup.py" line="204"/>
        <source>Choose a file.</source>
        <translation>请选择一个文件。</translation>
    </message>
</context>
<context>
    <name>StationWords</name>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="14"/>
        <source>No computer called “{host}” was found on the network. Check the server&apos;s name, or use its IP address (for example 192.168.1.10).</source>
        <translation>网络上找不到名为“{host}”的电脑。请检查服务器名称，或改用其 IP 地址（例如 192.168.1.10）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="19"/>
        <source>Nothing answers at {host}, port {port}. Check that the server is switched on and PostgreSQL runs there and listens on the network, and that this computer is on the clinic network.</source>
        <translation>{host} 的端口 {port} 没有响应。请检查服务器已开机、PostgreSQL 正在运行并在网络上监听，以及这台电脑已连接诊所网络。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="25"/>
        <source>The server at {host} does not accept connections from this computer. Its administrator allows this computer&apos;s network in pg_hba.conf (see the deployment guide).</source>
        <translation>{host} 上的服务器不接受来自这台电脑的连接。请服务器管理员在 pg_hba.conf 中允许这台电脑所在的网络（见部署指南）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="31"/>
        <source>The server refused the password of the user “{user}”. Check the password (and Caps Lock).</source>
        <translation>服务器拒绝了用户“{user}”的密码。请检查密码（以及大写锁定键）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="36"/>
        <source>The server has no user called “{user}”. Check the name, or create the user on the server (see the deployment guide).</source>
        <translation>服务器上没有名为“{user}”的用户。请检查名称，或在服务器上创建该用户（见部署指南）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="41"/>
        <source>The server has no database called “{database}”. Check the name, or create the database on the server (see the deployment guide).</source>
        <translation>服务器上没有名为“{database}”的数据库。请检查名称，或在服务器上创建该数据库（见部署指南）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="46"/>
        <source>The server runs PostgreSQL {version}; Clinic Desk needs PostgreSQL {minimum} or newer. Upgrade the server first.</source>
        <translation>服务器运行的是 PostgreSQL {version}；Clinic Desk 需要 PostgreSQL {minimum} 或更新版本。请先升级服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="51"/>
        <source>The server could not be used: {detail}</source>
        <translation>无法使用该服务器：{detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="69"/>
        <source>Connected to PostgreSQL {version}.</source>
        <translation>已连接到 PostgreSQL {version}。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="77"/>
        <source>It holds the records of {clinic}: this computer joins them.</source>
        <translation>其中保存着{clinic}的记录：这台电脑将加入使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="81"/>
        <source>They were written by an earlier version of Clinic Desk and are upgraded when this computer starts; every other computer then needs this version too.</source>
        <translation>这些记录由较早版本的 Clinic Desk 写入，这台电脑启动时会将其升级；之后其他所有电脑也需要安装此版本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="87"/>
        <source>No clinic is set up there yet: if this is the clinic&apos;s first computer, it creates the clinic&apos;s database.</source>
        <translation>那里尚未设置诊所：如果这是诊所的第一台电脑，将由它创建诊所数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="98"/>
        <source>This database already holds the records of {clinic}. Choose “Join” to use them.</source>
        <translation>此数据库中已有{clinic}的记录。请选择“加入”来使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="102"/>
        <source>No clinic is set up in this database yet. If this is the clinic&apos;s first computer, choose “Create”; otherwise check the database name.</source>
        <translation>此数据库中尚未设置诊所。如果这是诊所的第一台电脑，请选择“创建”；否则请检查数据库名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="107"/>
        <source>This database holds another program&apos;s tables, not Clinic Desk&apos;s. Check the database name.</source>
        <translation>此数据库中是其他程序的数据表，不是 Clinic Desk 的。请检查数据库名称。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="112"/>
        <source>This database was upgraded by a newer version of Clinic Desk. Install that version on this computer.</source>
        <translation>此数据库已被更新版本的 Clinic Desk 升级。请在这台电脑上安装该版本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="118"/>
        <source>The database user may not create tables there, which creating the clinic&apos;s database needs. Make the user the database&apos;s owner (see the deployment guide).</source>
        <translation>该数据库用户无权在其中创建数据表，而创建诊所数据库需要此权限。请将该用户设为数据库的所有者（见部署指南）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/station_words.py" line="124"/>
        <source>The database must be upgraded for this version, and the database user may not change its tables. Make the user the database&apos;s owner (see the deployment guide).</source>
        <translation>此版本需要升级数据库，而该数据库用户无权修改其数据表。请将该用户设为数据库的所有者（见部署指南）。</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="78"/>
        <source>Keep as it is</source>
        <translation>保持不变</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/photo_import.py" line="80"/>
        <source>Tag %n photo(s)</source>
        <translation>
            <numerusform>标注 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="80"/>
        <source>What do these photos show?</source>
        <translation>这些照片拍的是什么？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="88"/>
        <source>&amp;Stage</source>
        <translation>阶段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="92"/>
        <source>day </source>
        <translation>第 </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="93"/>
        <source> </source>
        <comment>after the follow-up day number: nothing in English</comment>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="94"/>
        <source>Follow-up &amp;day</source>
        <translation>复查天数(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="96"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="99"/>
        <source>&amp;Angle</source>
        <translation>角度(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="107"/>
        <source>A&amp;rea</source>
        <translation>部位(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="112"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="114"/>
        <source>Not linked</source>
        <translation>不关联</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="117"/>
        <source>&amp;Belongs to</source>
        <translation>关联到(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="134"/>
        <source>&amp;Save tags</source>
        <translation>保存标注(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/photo_import.py" line="134"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>TemplateBody</name>
    <message>
        <location filename="../../desktop_app/ui/template_body.py" line="68"/>
        <source>&amp;Text:</source>
        <translation>正文(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_body.py" line="69"/>
        <source>&amp;Insert placeholder</source>
        <translation>插入占位符(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_body.py" line="73"/>
        <source>{placeholder} — {description}</source>
        <translation>{placeholder} — {description}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_body.py" line="79"/>
        <source>One line, one paragraph. # heading · ## subheading · - bullet · 1. numbered · **bold** · {placeholder} (type a brace twice to print one)</source>
        <translation>一行一段。# 标题 · ## 小标题 · - 项目符号 · 1. 编号 · **粗体** · {占位符}（要打印花括号本身请连写两个）</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="152"/>
        <source>Edit template</source>
        <translation>编辑模板</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="152"/>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="153"/>
        <source>Load the &amp;newer version</source>
        <translation>载入较新版本(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="154"/>
        <source>&amp;Preview (Ctrl+R)</source>
        <translation>预览(&amp;P)（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="155"/>
        <source>&amp;Save as new version (Ctrl+S)</source>
        <translation>另存为新版本(&amp;S)（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="156"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="250"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="267"/>
        <source>Saved as version {number}.</source>
        <translation>已保存为第 {number} 版。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="270"/>
        <source>Saved as version {number}. Consents signed on older versions will be asked to sign again.</source>
        <translation>已保存为第 {number} 版。签于旧版本的同意书将提示重新签署。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="281"/>
        <source>Nothing was saved; your text is still here.</source>
        <translation>未保存任何内容；您的文字仍在此处。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="290"/>
        <source>This key is already used in this language.</source>
        <translation>此代码在该语言中已被使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="300"/>
        <source>{who} saved a newer version of this template at {when}, after you opened it. Your text was not saved and is still here. Load their version to compare, then save yours on top of it.</source>
        <translation>{who} 在您打开之后于 {when} 保存了此模板的较新版本。您的文字未保存，仍在此处。请载入其版本进行对比，然后在其基础上保存您的版本。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="327"/>
        <source>Version {number} is shown beside your text. Saving now puts your text on top of it as version {next}.</source>
        <translation>第 {number} 版显示在您的文字旁边。现在保存会把您的文字保存为其后的第 {next} 版。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="344"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_editor.py" line="345"/>
        <source>Save your changes to this template as a new version?</source>
        <translation>将对此模板的更改保存为新版本吗？</translation>
    </message>
</context>
<context>
    <name>TemplateFields</name>
    <message>
        <location filename="../../desktop_app/ui/template_fields.py" line="55"/>
        <source>&amp;Key:</source>
        <translation>代码(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_fields.py" line="56"/>
        <source>K&amp;ind:</source>
        <translation>类别(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_fields.py" line="57"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_fields.py" line="58"/>
        <source>Titl&amp;e:</source>
        <translation>标题(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_fields.py" line="63"/>
        <source>lowercase letters, digits and _, e.g. laser_consent</source>
        <translation>小写字母、数字和 _，例如 laser_consent</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_fields.py" line="72"/>
        <source>{key} · {kind} · {language} · editing version {number} ({who})</source>
        <translation>{key} · {kind} · {language} · 正在编辑第 {number} 版（{who}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_fields.py" line="106"/>
        <source>Use lowercase letters, digits and _ (starting with a letter), at most 60.</source>
        <translation>请使用小写字母、数字和 _（以字母开头），最多 60 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_fields.py" line="111"/>
        <source>This key is already used in this language.</source>
        <translation>此代码在该语言中已被使用。</translation>
    </message>
</context>
<context>
    <name>TemplateHistory</name>
    <message>
        <location filename="../../desktop_app/ui/template_history.py" line="95"/>
        <source>History of {key}</source>
        <translation>{key} 的历史版本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_history.py" line="96"/>
        <source>&amp;Versions:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_history.py" line="106"/>
        <source>Version {number} — {who}</source>
        <translation>第 {number} 版 — {who}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_history.py" line="109"/>
        <source> (current)</source>
        <translation>（当前版本）</translation>
    </message>
</context>
<context>
    <name>TemplateSide</name>
    <message>
        <location filename="../../desktop_app/ui/template_side.py" line="42"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_side.py" line="45"/>
        <source>Press Ctrl+R to see this text printed for a sample patient.</source>
        <translation>按 Ctrl+R 查看此文字为示例患者打印的效果。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_side.py" line="56"/>
        <source>Rendering the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_side.py" line="60"/>
        <source>No preview: see the message below the text.</source>
        <translation>无法预览：请查看正文下方的提示。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/template_side.py" line="73"/>
        <source>Printed for a made-up patient: %n page(s). Nothing is saved.</source>
        <translation>
            <numerusform>为虚构患者打印：共 %n 页。不会保存任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_side.py" line="78"/>
        <source>Version {number} ({who})</source>
        <translation>第 {number} 版（{who}）</translation>
    </message>
</context>
<context>
    <name>TemplateWords</name>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="16"/>
        <source>Consent</source>
        <translation>知情同意书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="17"/>
        <source>Aftercare</source>
        <translation>术后护理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="18"/>
        <source>General</source>
        <translation>通用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="25"/>
        <source>Patient&apos;s name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="26"/>
        <source>Record number</source>
        <translation>病历号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="27"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="28"/>
        <source>Age in years</source>
        <translation>年龄（岁）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="29"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="30"/>
        <source>Mobile number, partly hidden (138****1234)</source>
        <translation>手机号（部分隐藏，如 138****1234）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="33"/>
        <source>Guardian&apos;s name (patients under 18)</source>
        <translation>监护人姓名（未满 18 岁患者）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="36"/>
        <source>Guardian&apos;s relation to the patient</source>
        <translation>监护人与患者关系</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="39"/>
        <source>Treatment item</source>
        <translation>治疗项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="40"/>
        <source>Treated areas</source>
        <translation>治疗部位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="41"/>
        <source>Products used, with lot numbers and quantities</source>
        <translation>所用产品（含批号和用量）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="44"/>
        <source>Who performs the treatment</source>
        <translation>操作人员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="47"/>
        <source>Treatment date</source>
        <translation>治疗日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="48"/>
        <source>Next review date</source>
        <translation>下次复诊日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="49"/>
        <source>Clinic name</source>
        <translation>诊所名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="50"/>
        <source>Clinic address</source>
        <translation>诊所地址</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="51"/>
        <source>Clinic phone</source>
        <translation>诊所电话</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="52"/>
        <source>Date the document is printed</source>
        <translation>文书打印日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="61"/>
        <source>shipped with Clinic Desk</source>
        <translation>Clinic Desk 自带</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="62"/>
        <source>{who}, {when}</source>
        <translation>{who}，{when}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="68"/>
        <source>Unknown placeholder {detail}: choose one from Insert placeholder.</source>
        <translation>未知占位符 {detail}：请从“插入占位符”中选择。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="71"/>
        <source>{detail} is not a placeholder. To print a brace itself, type it twice.</source>
        <translation>{detail} 不是占位符。要打印花括号本身，请连写两个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="74"/>
        <source>The brace at column {detail} is never closed.</source>
        <translation>第 {detail} 列的花括号没有闭合。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="77"/>
        <source>The closing brace at column {detail} has no opening brace.</source>
        <translation>第 {detail} 列的右花括号没有对应的左花括号。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="80"/>
        <source>Bold text (**) is opened here but never closed.</source>
        <translation>此处的粗体标记 (**) 没有闭合。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/template_words.py" line="96"/>
        <source>Line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
</context>
<context>
    <name>TemplatesModel</name>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="60"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="61"/>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="62"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="63"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="64"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/documents_page.py" line="65"/>
        <source>Used by</source>
        <translation>使用项目</translation>
    </message>
</context>
<context>
    <name>TreatmentDialog</name>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="51"/>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="63"/>
        <source>&amp;Item</source>
        <translation>项目(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="65"/>
        <source>Not on a course</source>
        <translation>不使用疗程</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="69"/>
        <source>{item}: {left} of {total} left</source>
        <translation>{item}：剩余 {left}/{total} 次</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="74"/>
        <source>&amp;Course</source>
        <translation>疗程(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="75"/>
        <source>Areas</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="76"/>
        <source>&amp;Device</source>
        <translation>设备(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="77"/>
        <source>&amp;Settings (energy, shots)</source>
        <translation>参数（能量、发数）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="78"/>
        <source>&amp;Anaesthesia</source>
        <translation>麻醉(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="83"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="84"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="85"/>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="86"/>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="87"/>
        <source>Quantity</source>
        <translation>用量</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="88"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="92"/>
        <source>Products used</source>
        <translation>使用产品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="93"/>
        <source>Add a product</source>
        <translation>添加产品</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="104"/>
        <source>Immediate &amp;reaction</source>
        <translation>即刻反应(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="105"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/treatment_form.py" line="147"/>
        <source>The clinic requires a signed consent and before photos first.</source>
        <translation>诊所要求先签署知情同意书并拍摄术前照片。</translation>
    </message>
</context>
</TS>
