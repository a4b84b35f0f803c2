<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DatabaseSettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="34"/>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="37"/>
        <source>This computer only (embedded database file)</source>
        <translation>仅本机（内置数据库文件）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="39"/>
        <source>The clinic&apos;s database server (PostgreSQL)</source>
        <translation>诊所数据库服务器（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="46"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="56"/>
        <source>Database &amp;file</source>
        <translation>数据库文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="67"/>
        <source>unchanged</source>
        <translation>不修改</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="70"/>
        <source>Server &amp;address</source>
        <translation>服务器地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="71"/>
        <source>P&amp;ort</source>
        <translation>端口(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="72"/>
        <source>&amp;Database</source>
        <translation>数据库(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="73"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="74"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="84"/>
        <source>This computer has no secure password store, so the password cannot be remembered: Clinic Desk will ask for it each time it starts.</source>
        <translation>本机没有安全的密码存储（钥匙串），无法记住密码：每次启动时 Clinic Desk 都会询问密码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="116"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="129"/>
        <source>Enter the server&apos;s address.</source>
        <translation>请输入服务器地址。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="133"/>
        <source>This field is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="136"/>
        <source>Choose a file.</source>
        <translation>请选择一个文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="151"/>
        <source>This computer has no secure password store, so the password was not saved: Clinic Desk will ask for it each time it starts.</source>
        <translation>本机没有安全的密码存储（钥匙串），密码未保存：每次启动时 Clinic Desk 都会询问密码。</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="170"/>
        <source>Welcome to Clinic Desk</source>
        <translation>欢迎使用 Clinic Desk</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="173"/>
        <source>Name your clinic and create the first manager account. The manager then adds the other staff.</source>
        <translation>请填写诊所名称并创建第一个管理员账号，之后由管理员添加其他员工。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="178"/>
        <source>&amp;Clinic name</source>
        <translation>诊所名称(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="179"/>
        <source>Your &amp;name</source>
        <translation>您的姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="180"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="181"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="182"/>
        <source>&amp;Repeat password</source>
        <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="186"/>
        <source>Create clinic and sign in</source>
        <translation>创建诊所并登录</translation>
    </message>
</context>
<context>
    <name>Gate</name>
    <message>
        <location filename="../../desktop_app/ui/gate.py" line="131"/>
        <source>Clinic Desk</source>
        <translation>Clinic Desk 诊所前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate.py" line="134"/>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate.py" line="136"/>
        <source>Database &amp;settings…</source>
        <translation>数据库设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/gate.py" line="138"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="30"/>
        <source>Receptionist</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="31"/>
        <source>Consultant</source>
        <translation>咨询师</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="32"/>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="33"/>
        <source>Nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="34"/>
        <source>Manager</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="120"/>
        <source>Clinic Desk</source>
        <translation>Clinic Desk 诊所前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="121"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="122"/>
        <source>&amp;Sign out</source>
        <translation>退出登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="123"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="124"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="125"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="126"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="127"/>
        <source>&amp;About Clinic Desk</source>
        <translation>关于 Clinic Desk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="215"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="220"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="220"/>
        <source>Not connected — retrying</source>
        <translation>未连接 — 正在重试</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="223"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="227"/>
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="244"/>
        <source>About Clinic Desk</source>
        <translation>关于 Clinic Desk</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="246"/>
        <source>Clinic Desk {version}
Front desk and clinical record for aesthetics clinics.</source>
        <translation>Clinic Desk {version}
医美诊所的前台与病历系统。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="11"/>
        <source>This field is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="12"/>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="13"/>
        <source>A user name is one word of at most 64 characters.</source>
        <translation>用户名为不含空格的一个词，最多 64 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="16"/>
        <source>This user name is already taken.</source>
        <translation>该用户名已被使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="19"/>
        <source>Use at least {min} characters (a short phrase is easiest).</source>
        <translation>请至少使用 {min} 个字符（用一句短语最容易记）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="22"/>
        <source>The password may not start or end with a space.</source>
        <translation>密码的开头和结尾不能是空格。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="25"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="47"/>
        <source>The database cannot be reached.</source>
        <translation>无法连接数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="51"/>
        <source>This database was upgraded by a newer version of Clinic Desk.</source>
        <translation>此数据库已被更新版本的 Clinic Desk 升级。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="57"/>
        <source>The safety copy before upgrading the database could not be made.</source>
        <translation>升级数据库前无法创建安全备份。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="63"/>
        <source>The database address is not valid.</source>
        <translation>数据库地址无效。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="67"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="71"/>
        <source>This clinic has already been set up on another station. Sign in.</source>
        <translation>本诊所已在另一台电脑上完成设置，请直接登录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="77"/>
        <source>Your role does not allow this.</source>
        <translation>您的角色无权进行此操作。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="81"/>
        <source>Someone else saved this record first.</source>
        <translation>其他人已先保存了这条记录。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="87"/>
        <source>Something went wrong.</source>
        <translation>出现了问题。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/crash.py" line="32"/>
        <source>Details are in the log file.</source>
        <translation>详细信息已记录在日志文件中。</translation>
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
        <location filename="../../desktop_app/ui/pages.py" line="14"/>
        <source>Walk-in registration, finding returning patients and today&apos;s triage queue will be here.</source>
        <translation>这里将提供新客登记、老客查找和今日分诊队列。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="22"/>
        <source>Patients</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="23"/>
        <source>Each patient&apos;s record will be here: consultations, the doctor&apos;s assessments, treatment plans and courses, treatments with product lot numbers, and photos.</source>
        <translation>这里将显示每位顾客的档案：咨询记录、医生面诊、治疗方案与疗程、含产品批号的治疗记录以及照片。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="31"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="32"/>
        <source>Follow-up calls after treatment and repurchase reminders will be here, and will keep working when the clinic server cannot be reached.</source>
        <translation>这里将提供术后回访和复购提醒，即使诊所服务器无法连接也能继续使用。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="40"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="41"/>
        <source>Consent forms and aftercare sheets to print, and the archive of every printed copy, will be here.</source>
        <translation>这里将提供知情同意书和术后护理须知的打印，以及每份打印件的存档。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="49"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="50"/>
        <source>The manager&apos;s reports will be here: channel funnel, staff performance, repurchase and patients drifting away.</source>
        <translation>这里将提供管理报表：渠道漏斗、员工业绩、复购与流失预警。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/pages.py" line="56"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="164"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="167"/>
        <source>This computer has no secure password store, so Clinic Desk cannot remember the password of the clinic database. Enter it for this session ({account}).</source>
        <translation>本机没有安全的密码存储（钥匙串），Clinic Desk 无法记住诊所数据库的密码。请输入本次使用的密码（{account}）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/database_settings.py" line="172"/>
        <source>Enter the password of the clinic database ({account}). It will be kept in this computer&apos;s secure password store.</source>
        <translation>请输入诊所数据库的密码（{account}）。密码将保存在本机的安全密码存储中。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="63"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="64"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="65"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="66"/>
        <source>Change database connection…</source>
        <translation>更改数据库连接…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="80"/>
        <source>Clinic Desk will use the new database the next time it starts.</source>
        <translation>Clinic Desk 下次启动时将使用新的数据库。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_page.py" line="83"/>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="101"/>
        <source>Clinic Desk</source>
        <translation>Clinic Desk 诊所前台</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="102"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="103"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="104"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="105"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_in.py" line="135"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
</TS>
