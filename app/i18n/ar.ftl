# Index Explorer: نصوص الواجهة باللغة العربية.
# ترجمة آلية (أعدّها المطورون بمساعدة نموذج لغوي): يجب أن يراجعها متحدث أصلي قبل النشر.
# المرجع: en.ftl.

app-name = مستكشف المؤشرات
tagline = غيّر وزنًا لترى كيف تتغير الترتيبات والفجوة بين أقل البلدان نموًا والبلدان المتقدمة.
dataset = مجموعة البيانات
your-data-group = بياناتك (في هذا المتصفح فقط)
year = السنة
years = السنوات
play-years = تشغيل السنوات
language = اللغة
normalised-within = موحّد القياس داخل كل سنة
describe-denominated = مقسومة على المقامات
describe-carry = { $years ->
    [one] قيم عمرها حتى سنة واحدة
    [two] قيم عمرها حتى سنتين
    [few] قيم عمرها حتى { $years } سنوات
   *[other] قيم عمرها حتى { $years } سنة
}
describe-indicator-mean = القيم الناقصة: متوسط المؤشر
describe-group-mean = القيم الناقصة: متوسط المجموعة في { $family }
describe-screen = استبعاد الوحدات التي لديها أقل من { $share } من البيانات
describe-winsorised = معالجة القيم المتطرفة (≤ { $count })
describe-per-indicator = توحيد قياس خاص بكل مؤشر
describe-min-max = الحد الأدنى والأقصى { $low }–{ $high }
describe-z = الدرجات المعيارية z (المتوسط { $mean }، الانحراف المعياري { $sd })
describe-goalposts = حدود مرجعية { $low }–{ $high }
describe-goalposts-log = حدود مرجعية { $low }–{ $high } (لوغاريتمية)
describe-percentile = الرتب المئينية { $low }–{ $high }
describe-ranks = الرتب
describe-to-best = المسافة إلى الأفضل { $low }–{ $high }
describe-all-years = موحّد القياس على كل السنوات معًا
describe-arithmetic = المتوسط الحسابي
describe-geometric = المتوسط الهندسي
describe-harmonic = المتوسط التوافقي
describe-at-level = { $mean } في المستوى { $level }
describe-elsewhere = { $mean } في المستويات الأخرى
nothing-yet = لا شيء للعرض بعد
loading = جارٍ تحميل { $what }…
weights-and-method = الأوزان والمنهجية
group-gap = الفجوة بين المجموعات
could-not-load = تعذّر تحميل { $what }: تحقّق من الاتصال.
retry = إعادة المحاولة
part-method = إعدادات المنهجية
part-every-year = درجات كل السنوات
part-chart = الرسم البياني
part-saved = السيناريوهات المحفوظة
part-import = استيراد بياناتك
part-map = خريطة العالم
part-compare = مقارنة السيناريوهات
part-robustness = تحليلات المتانة
part-profile = الملف القطري
part-health = فحص المؤشر
part-charts = الرسوم البيانية
language-failed = تعذّر تحميل النصوص باللغة { $language } ({ $problem }): تبقى الصفحة بالإنجليزية.
not-in-catalogue = مجموعة البيانات `{ $dataset }` ليست في قائمة مجموعات البيانات.
dataset-not-loaded = تعذّر تحميل { $dataset } ({ $why })؛ لا تزال مجموعة البيانات السابقة معروضة.
link-no-dataset = يطلب الرابط مجموعة البيانات `{ $dataset }`، وهي غير موجودة؛ تُعرض المجموعة الافتراضية.
catalogue-not-loaded = تعذّر تحميل قائمة مجموعات البيانات ({ $problem }). هل بُنيت حزم البيانات؟ شغّل `bash scripts/serve.sh`.
first-not-loaded = تعذّر تحميل { $dataset }: { $problem }
fetch-failed = تعذّر جلب { $file }: { $problem }
fetch-status = تعذّر جلب { $file }: أجاب الخادم { $problem }
read-failed = تعذّرت قراءة { $file }: { $problem }
not-a-catalogue = { $file } ليس قائمة صالحة لمجموعات البيانات: { $problem }
embed-imported = استُوردت في متصفح شخص ما ولا توجد إلا فيه
embed-not-a-name = `{ $dataset }` ليس اسم مجموعة بيانات
embed-dataset-not-shown = تعذّر عرض مجموعة البيانات التي يطلبها الرابط ({ $problem })؛ تُعرض المجموعة الافتراضية.
embed-data-updated = حُدّثت البيانات منذ تثبيت هذا الرسم البياني.
embed-not-loaded = تعذّر تحميل الرسم البياني: { $problem }
embed-no-chart = يطلب الرابط الرسم البياني `{ $chart }`، وهو غير موجود؛ تُعرض الأشرطة المرتبة. الرسوم البيانية: { $charts }.
link-part-default = الرابط: { $problem }؛ تُعرض القيمة الافتراضية لهذا الجزء.
scenario-part-refused = السيناريو «{ $name }»: { $problem }؛ تُعرض القيمة الافتراضية لهذا الجزء.
weight-not-changed = لم يتغيّر الوزن: { $problem }.
weights-not-changed = لم تتغيّر الأوزان: { $problem }.
method-not-changed = لم تتغيّر المنهجية: { $problem }.
weight-nothing-typed = لم يتغيّر الوزن: ما كُتب ليس رقمًا.
weight-not-a-number = لم يتغيّر الوزن: «{ $text }» ليس رقمًا.
year-left-out = استُبعد عام { $year }: تعذّر على المحرك إعداده بهذه المنهجية ({ $why }).
worker-not-started = تعذّر تشغيل العملية الخلفية: { $problem }
worker-failed = فشلت العملية الخلفية: { $problem }
worker-not-sent = تعذّر إرسال المهمة إلى العملية الخلفية: { $problem }
worker-stopped = تعذّر تحميلها، أو توقفت
not-in-list = مجموعة البيانات `{ $dataset }` ليست في قائمة مجموعات البيانات
no-data-for-year = لا تتوفر في { $dataset } بيانات لسنة { $year }.
groups-limit = يمكن مقارنة { $count } مجموعات على الأكثر في آنٍ واحد.
no-group = لا تضم مجموعة البيانات هذه المجموعة `{ $group }`.
weights = الأوزان
close-weights = إغلاق الأوزان
published = المنشورة
published-title = العودة إلى أوزان الجهة الناشرة
equal = متساوية
equal-title = كل عقدة لها وزن العقد الشقيقة نفسه
done = تم
weights-fixed = لا تنشر هذه الطبعة إلا الدرجة الإجمالية، دون مكوّنات يمكن ترجيحها: الترتيب هو ترتيب الجهة الناشرة ولا يمكن تطبيق الأوزان. اختر طبعة ذات مكوّنات لإعادة ترجيحها.
weights-hint = الحصص منسوبة إلى المستوى الأعلى؛ اسحب لإعادة الترتيب مباشرة.
ratings = التقييم من 0 إلى 5 بخطوات صحيحة (كما في مؤشر الحياة الأفضل لمنظمة التعاون الاقتصادي والتنمية: الوزن = التقييم / مجموع التقييمات)
show-parts = إظهار مكوّنات { $name }
ranking = الترتيب
ranked = { $count ->
    [zero] لا شيء مرتّب
    [one] واحد مرتّب
    [two] اثنان مرتّبان
   *[other] { $count } مرتّبة
}
search = البحث عن بلد أو رمز
show-group = إظهار المجموعة
all-units = جميع الوحدات
tap-country = المس بلدًا لعرض تفاصيله.
rank = المرتبة
country = البلد
score = الدرجة
best-worst = الأفضل–الأسوأ
method = المنهجية
default = الافتراضي
default-of = الافتراضي ({ $value })
normalisation = توحيد القياس
normalise-over = توحيد القياس على
aggregation = التجميع
outliers = القيم المتطرفة
missing-data = البيانات الناقصة
screening = الاستبعاد
carry-forward = ترحيل القيم
denominate = القسمة على المقامات (للفرد، لكل ناتج محلي إجمالي…)
no-normalisation = دون توحيد القياس
norm-none = بلا توحيد (الدرجات المنشورة)
norm-min-max = الحد الأدنى والأقصى 0–100
norm-z = الدرجات المعيارية z (المتوسط 100، الانحراف المعياري 10)
norm-percentile = الرتب المئينية 0–100
norm-rank = الرتب
norm-to-best = المسافة إلى الأفضل 0–100
over-each-year = داخل كل سنة
over-all-years = عبر كل السنوات (قابلة للمقارنة عبر الزمن)
agg-arithmetic = المتوسط الحسابي
agg-geometric = المتوسط الهندسي
agg-harmonic = المتوسط التوافقي
treat-none = بلا معالجة
treat-winsorise = التشذيب (قاعدة مركز البحوث المشترك، ≤ 5)، وإلا فاللوغاريتم
treat-winsorise-at = التشذيب، ≤ { $max }
impute-none = الاستبعاد وإعادة توزيع الأوزان
impute-mean = متوسط المؤشر
impute-group = متوسط مجموعة الوحدة في { $family }
screen-none = الإبقاء على كل الوحدات
screen-below = استبعاد الوحدات التي لديها أقل من { $percent } % من البيانات
screen-two-thirds = استبعاد الوحدات التي لديها أقل من ثلثي البيانات
carry-none = هذه السنة فقط
carry-years = { $count ->
    [one] حتى سنة واحدة
    [two] حتى سنتين
    [few] حتى { $count } سنوات
    [many] حتى { $count } سنة
   *[other] حتى { $count } سنة
}
the-gap = الفجوة
group-a = المجموعة أ
group-b = المجموعة ب
gap = الفجوة
compare-another = مقارنة مجموعة أخرى
add-group = إضافة مجموعة…
stop-comparing = إيقاف مقارنة هذه المجموعة
gap-hint = متوسطات الوحدات ذات الدرجات: { $a_scored } من { $a_all } في أ ({ $a_share })، و{ $b_scored } من { $b_all } في ب ({ $b_share }). نسبة أ/ب في المؤشر: { $ratio }. مرّر المؤشر فوق رقم لرؤية وسيطه.
gap-title = ب − أ: مقدار تأخر المجموعة أ
gap-change = Δ الفجوة
gap-change-title = تغيّر الفجوة مقارنةً بالأوزان المنشورة
median-scored = الوسيط { $median } · { $scored } من { $all } لها درجات ({ $share })
groups-caption = متوسط كل مجموعة، وبين قوسين نسبته إلى متوسط { $group }، وعدد أعضائها الذين لهم درجات من مجموع أعضائها
every-year = كل السنوات
every-year-hint = درجة كل بلد ومرتبته في كل سنة، بهذه الأوزان وهذه المنهجية.
every-year-csv = تنزيل كل السنوات (CSV)
years-computed = السنوات المحسوبة
year-of = السنة { $done } من { $total }
every-year-failed = تعذّر تنزيل كل السنوات: { $why }.
starting = جارٍ البدء…
cancel = إلغاء
link-part-ignored = تم تجاهل جزء من الرابط: { $problem }.
framed = يعمل مستكشف المؤشرات في علامة تبويب خاصة به؛ ولا يمكن تضمين إلا رسومه البيانية (زر التضمين في كل رسم بياني).
open-app = فتح مستكشف المؤشرات
new-version = إصدار جديد من مستكشف المؤشرات جاهز. أعد التحميل لاستخدامه.
newer-data = توجد بيانات أحدث على الخادم: { $names }. تحتفظ هذه الصفحة بالبيانات التي فتحتها؛ أعد التحميل لرؤية الجديدة.
offline = غير متصل: تعرض هذه الصفحة البيانات المحفوظة في هذا المتصفح، وستبحث عن بيانات أحدث عند عودة الاتصال.
reload = إعادة التحميل
dismiss = إغلاق
summary-region = مجموعة البيانات والسنة والمنهجية
unit-moved = انتقل { $unit } من المرتبة { $from } إلى المرتبة { $to }.
unit-stays = بقي { $unit } في المرتبة { $to }.
largest-move = انتقل { $unit } من المرتبة { $from } إلى المرتبة { $to }، وهو أكبر تغيير من بين { $count } تغييرات.
no-rank-changed = لم تتغير أي مرتبة.
scenarios = السيناريوهات
scenario-n = السيناريو { $count }
name-this-view = سمِّ هذا العرض
scenario-name = اسم السيناريو
save = حفظ
scenarios-hint = تُحفظ في هذا المتصفح. حدّد من اثنين إلى أربعة من مجموعة البيانات نفسها لمقارنتها.
show-earlier = { $count ->
    [one] إظهار سيناريو سابق واحد
    [two] إظهار سيناريوهين سابقين
    [few] إظهار { $count } سيناريوهات سابقة
    [many] إظهار { $count } سيناريو سابقًا
   *[other] إظهار { $count } سيناريو سابق
}
export-all = تصدير الكل
import-file = استيراد…
compare-scenario = مقارنة { $name }
switch-to-compare = انتقل إلى مجموعة بيانات هذا السيناريو لمقارنته
new-name = الاسم الجديد
ok = موافق
more-actions = إجراءات أخرى
rename = إعادة تسمية
duplicate = تكرار
export = تصدير
delete = حذف
deleted = حُذف «{ $name }».
undo = تراجع
unreadable-entries = إدخالات محفوظة تعذّرت قراءتها (تُركت كما هي):
download = تنزيل
remove = إزالة
no-clipboard = الحافظة غير متاحة هنا
copy-refused = لم يسمح المتصفح بالنسخ
copying = جارٍ النسخ…
copied = نُسخ إلى الحافظة.
not-copied = لم يُنسخ ({ $why }): النص محدّد أعلاه — اضغط Ctrl+C (أو ⌘C على Mac).
share-and-download = مشاركة هذا الرسم البياني وتنزيله
share-link = مشاركة الرابط
share-link-title = انسخ رابطًا إلى هذا العرض بالضبط
embed = تضمين
embed-title = شيفرة لوضع هذا الرسم البياني في صفحة أخرى
png-title = صورة مع العنوان والمصدر، بدقة مضاعفة للطباعة
svg-title = صورة متجهية مع العنوان والمصدر
csv-shown = CSV · المعروض
csv-shown-ranking = صفوف جدول الترتيب كما تظهر (مع تطبيق البحث والمجموعة والفرز)، بصيغة CSV
csv-shown-performers = أرقام كل اقتصاد بترتيب الجدول الحالي، بصيغة CSV
csv-shown-chart = الأرقام المرسومة في هذا الرسم البياني، بصيغة CSV
csv-all = CSV · الكل
csv-all-title = كل الوحدات وكل الدرجات وكل القيم الخام لهذه السنة، بصيغة CSV
sources = المصادر
close = إغلاق
share-this-view = مشاركة هذا العرض
share-hint = يعيد هذا الرابط عرض ما تراه بالضبط: مجموعة البيانات والسنة والأوزان والمنهجية والمجموعات المقارَنة والبلد المتابَع.
share-mine = مجموعة البيانات هذه من استيرادك، وهي محفوظة في هذا المتصفح فقط: في أي مكان آخر يذكر الرابط ذلك ويعرض العرض الافتراضي.
link = الرابط
characters = { $count ->
    [one] حرف واحد
    [two] حرفان
    [few] { $count } أحرف
    [many] { $count } حرفًا
   *[other] { $count } حرف
}
copy-again = النسخ مرة أخرى
embed-this-chart = تضمين هذا الرسم البياني
embed-mine = مجموعة البيانات هذه من استيرادك، وهي محفوظة في هذا المتصفح فقط: تضمينها يعرض مجموعة البيانات الافتراضية في أي مكان آخر.
width = العرض
height = الارتفاع
embed-data = البيانات
live = مباشر
live-hint = يتبع تحديثات البيانات وأحدث سنة
fixed = ثابت
fixed-hint = يثبّت هذه السنة وإصدار البيانات هذا وهذه الأوزان
embed-code = الشيفرة التي تُلصق في صفحتك
copy-code = نسخ الشيفرة
preview = معاينة
preview-scaled = { $size }، معروضة بنسبة { $share }
preview-of = معاينة: { $title }
sources-and-notes = المصادر والملاحظات
sources-caption = كل مؤشر من مؤشرات { $title }: مصدره، وعدد البلدان التي لها قيمة في { $year }.
indicator = المؤشر
publisher = الناشر
source = المصدر
source-line = المصدر: { $sources }. حُسب باستخدام مستكشف المؤشرات.
edition = الإصدار
licence = الترخيص
coverage-in = التغطية { $year }
carried-forward = +{ $count } مُرحّلة من سنوات سابقة
also-used = مستخدمة أيضًا (للسياق، وليست في المؤشر):
licence-is = الترخيص: { $licence }.
data-edition = إصدار البيانات { $edition } (ما يثبّته التضمين الثابت).
computed-here = يحسب مستكشف المؤشرات كل درجة في متصفحك بالمحرّك نفسه الذي تستخدمه أداة سطر الأوامر الخاصة به. التقريب للعرض فقط.
done-of = { $done } من { $total }
not-listed = مجموعة البيانات `{ $dataset }` ليست في قائمة مجموعات البيانات
rob-run = تشغيل التحليل
draws-made = السحوبات المنجزة
rob-failed = تعذّر تشغيل تحليل عدم اليقين: { $why }.
ranges-run = إيجاد أفضل وأسوأ المراتب
countries-solved = البلدان المحسوبة
ranges-failed = تعذّر حساب أفضل وأسوأ المراتب: { $why }.
explain-run = تفسير التغيّر
changes-split = التغيّرات المجزّأة
explain-failed = تعذّر تشغيل التفسير: { $why }.
causes-run = إيجاد الأسباب الكبرى
causes-failed = تعذّر إيجاد الأسباب الكبرى: { $why }.
health-run = فحص سلامة المؤشر
nodes-checked = العُقد المفحوصة
health-failed = تعذّر تشغيل فحص السلامة: { $why }.
target-run = إيجاد ما يلزم
trials = المحاولات
target-failed = تعذّر حساب ما يلزم: { $why }.
import-run = استيراد
files-read = الملفات المقروءة
import-failed = تعذّر تشغيل الاستيراد: { $why }.
rob-title = ما مدى متانة هذا الترتيب؟
rob-hint = تتوقف المراتب على خيارات: الأوزان، وتوحيد القياس، والتجميع. اسحب هذه الخيارات مرات كثيرة وانظر إلى أي مدى تتحرك كل مرتبة (تحليل عدم يقين بطريقة مونت كارلو، كما يدقق مركز البحوث المشترك المؤشرات). يجري التحليل في الخلفية، وتبقى الصفحة قابلة للاستخدام.
weights-vary = تغيّر الأوزان
rob-normalisation = توحيد القياس: الحد الأدنى والأقصى أو الرتب المئينية
rob-aggregation = التجميع: المتوسط الحسابي أو الهندسي
rob-winsorisation = القيم المتطرفة: تشذيب (winsorisation) من 0 إلى 5 قيم
rob-imputation = القيم المفقودة: تُقدَّر أو تُستبعد
draws = السحوبات
seed = البذرة
seed-refused = يجب أن تكون البذرة عددًا صحيحًا من 0 فما فوق؛ أُبقيت البذرة السابقة.
rob-also-sensitivity = أيضًا: أيّ خيار يحرّك المراتب أكثر (تحليل الحساسية، أبطأ)
rob-stale = تغيّرت الأوزان أو المنهجية أو السنة أو المجموعات منذ ذلك الحين: هذه الأرقام للسيناريو السابق. شغّل التحليل مرة أخرى للسيناريو المعروض.
rob-spans-title = { $title }: مرتبة كل بلد عبر السحوبات
rob-spans-label = مرتبة كل بلد في السيناريو (نقطة)، ومرتبته الوسيطة عبر السحوبات (علامة)، والمراتب التي يقع ضمنها 90 % من السحوبات (خط)، والبلدان مرتّبة حسب مرتبتها؛ خطوط أعرض للمجالات التي تتجاوز 20 مرتبة
table-below = يعرض الجدول أدناه كل الأرقام.
rob-click-row = انقر صفًا لترى مدى احتمال كل مرتبة لذلك البلد.
rob-no-rivals = يحافظ { $name } على موقعه أمام كل بلد آخر في كل سحب.
rob-rivals = البلدان التي يتبادل { $name } المواقع معها في بعض السحوبات
rob-above-it = { $name } فوقه
rob-it-above = هو فوق { $name }
rank-share = المرتبة { $rank }: { $share }
rank-n = المرتبة { $rank }
rob-sensitivity = ما الذي يحرّك المراتب: حصة تباين متوسط تحوّل المرتبة التي يفسّرها كل خيار (مجال 5–95 %)
choice = الخيار
alone = منفردًا
with-interactions = مع التفاعلات
rob-table-caption = مرتبة كل وحدة في السيناريو، ومرتبتها الوسيطة عبر السحوبات، والمراتب التي يقع ضمنها 90 % من السحوبات، وأفضل وأسوأ مرتبة مسحوبة
median = الوسيط
ninety-of-draws = 90 % من السحوبات
wide-title = يمتد على أكثر من 20 مرتبة
wide = واسع
ranges-title = أفضل وأسوأ المراتب الممكنة
ranges-hint = ما المراتب التي يمكن أن يبلغها كل بلد أيًّا كانت أوزان الركائز؟ تُحسب بدقة لا بالعيّنات: برنامج أعداد صحيحة مختلط لكل بلد ولكل حدّ (Lorenz وBrauer وLorenz، 2016)، في الخلفية. وإلى جانبها، منفعة الشك: درجة كل بلد بالأوزان الأكثر مواتاة له، بشرط ألا تتجاوز درجة أي بلد 1 بهذه الأوزان (دليل منظمة التعاون الاقتصادي والتنمية ومركز البحوث المشترك). التعادل يُحتسب لصالح البلد.
weights-allowed = الأوزان المسموح بها
ranges-stale = تغيّرت الأوزان أو المنهجية أو السنة أو المجموعات منذ ذلك الحين: هذه المراتب للسيناريو السابق. احسبها مرة أخرى للسيناريو المعروض.
apply-these-weights = تطبيق هذه الأوزان
ranges-table-caption = مرتبة كل وحدة في السيناريو، وأفضل وأسوأ مرتبة ممكنة لها بالأوزان المسموح بها، ودرجتها ومرتبتها وفق منفعة الشك
best = الأفضل
worst = الأسوأ
benefit-of-doubt = منفعة الشك
performers-title = الأداء الأعلى والأدنى من المتوقع قياسًا إلى الدخل
performers-hint = المرتبة المتوقعة: المرتبة حسب نصيب الفرد من الناتج المحلي الإجمالي (بتعادل القوة الشرائية) بين الاقتصادات المقارَنة. الفرق = المرتبة المتوقعة − المرتبة الفعلية: يكون موجبًا حين يحقق الاقتصاد درجة أفضل مما يتنبأ به دخله (الاقتصادات ذات الأداء الأعلى من المتوقع لدى الأونكتاد). انقر صفًا لمتابعة اقتصاد على الرسم البياني.
expected = المتوقعة
difference = الفرق
not-available = غير متاح: { $why }.
comparing = مقارنة { $names }
close-comparison = إغلاق المقارنة
gap-under-each = الفجوة بين { $a } و{ $b } في كل سيناريو
scenario = السيناريو
ranks-under-each = المراتب في كل سيناريو
slopes-label = رسم بياني منحدر للمراتب في كل سيناريو؛ مع إبراز أكبر التحركات
rank-changes = تغيّرات المراتب، الأكبر أولًا
largest-cause-hint = السبب الأكبر: التغيير صاحب أكبر حصة شابلي من تغيّر كل بلد من السيناريو الأول إلى الأخير.
change = التغيّر
change-title = المرتبة في السيناريو الأول ناقص المرتبة في الأخير
largest-cause = السبب الأكبر
show-fewer = إظهار عدد أقل
show-every-unit = إظهار كل الوحدات
explain-title = لماذا تحرّك؟
explain-hint = كل تغيير عن السيناريو المنشور (وزن، أو المنهجية، أو السنة) وحصته من تغيّر البلد المتابَع: قيمة شابلي الخاصة به، بحيث تجتمع الأجزاء لتساوي الكل. دقيق حتى 12 تغييرًا، وإلا فبالعيّنات.
explain-stale = لعرض سابق: اطلب التفسير مرة أخرى.
explain-follow = تابع بلدًا (انقر صفّه في الترتيب) لترى لماذا تحرّك.
waterfall-key = الأزرق المصمت: يرفع الدرجة؛ القرمزي المحدّد: يخفضها؛ الداكن: التغيّر الكلي.
show-as-table = العرض كجدول
country-profile = الملف القطري
close-profile = إغلاق الملف
pillars-against-means = الركائز مقارنة بمتوسطات المجموعات
pillar-contributions = ما تسهم به كل ركيزة
contributions-label = إسهام كل ركيزة في الدرجة
points = { $points } نقطة
strengths = نقاط القوة والضعف
strengths-hint = أفضل مؤشراته وأسوؤها حسب المرتبة بين البلدان التي لها قيمة، وفق المنهجية الحالية.
rank-over-years = المرتبة عبر السنوات (بالأوزان والمنهجية الحالية)
rank-history-label = رسم بياني خطي لمرتبة الوحدة المحددة حسب السنة
rank-of = مرتبة { $name }
over-the-years = عبر السنوات
trend-follow = تابع بلدًا (انقر صفّه في الترتيب) لترى مرتبته ودرجته عبر السنوات.
one-year = لمجموعة البيانات هذه سنة واحدة: لا شيء يُرسم عبر الزمن.
charts = الرسوم البيانية
gap-over-time-on = الفجوة عبر الزمن في
target-title = ما الذي يلزم؟
target-hint = أصغر تحسّن يرفع البلد المتابَع إلى مرتبة ما، أو يتجاوز به بلدًا آخر، بالأوزان والمنهجية المعروضة: في مؤشر واحد، أو في عدة مؤشرات معًا يسدّ كلٌّ منها الحصة نفسها من فجوته عن أفضل قيمة مرصودة. كل محاولة تعيد حساب درجات كل البلدان.
target-follow = تابع بلدًا (انقر صفّه في الترتيب) لترى ما الذي يلزمه.
goal = الهدف
reach-rank = بلوغ مرتبة
pass-country = تجاوز بلد
rank-up-to = المرتبة (1–{ $count })
choose = اختر…
indicators-to-improve = المؤشرات المراد تحسينها
choose-rival = اختر البلد المراد تجاوزه.
tick-indicator = حدّد مؤشرًا واحدًا على الأقل لتحسينه.
target-stale = لعرض سابق أو لبلد آخر أو لخيارات أخرى: شغّل مرة أخرى.
depends-on-data = تتوقف الإجابة على بقية البيانات:
health-title = سلامة المؤشر
health-hint = التدقيق الإحصائي لمركز البحوث المشترك على السيناريو المعروض: الارتباطات (مع تمييز الأزواج السالبة داخل الركيزة الواحدة و|r| > 0.92)، ومعامل ألفا لكرونباخ، والأوزان الفعلية، واستبعاد كل جزء على حدة.
coefficient = المعامل
pearson = معامل r لبيرسون
spearman = معامل ρ لسبيرمان
health-stale = لسيناريو سابق: افحص مرة أخرى.
heatmap-label = خريطة حرارية للارتباطات بين كل زوج من المؤشرات والركائز والمؤشر المركّب؛ مع إحاطة الأزواج المميّزة بإطار
node = العقدة
with = مع
how-they-stand = العلاقة بينهما
flag = تنبيه
each-part = كل جزء: الوزن، والاتساق، والمراتب من دونه
effective-weight-hint = الوزن الفعلي: مربع الارتباط بالمؤشر، كحصة من مجموع مربعات ارتباط الأجزاء الشقيقة.
part = الجزء
nominal-weight = الوزن الاسمي
effective-weight = الوزن الفعلي
r-with-index = r مع المؤشر
alpha-of-parts = α لأجزائه
median-change-without = الوسيط لتغيّر المرتبة من دونه
largest = الأكبر
your-data = بياناتك
import-hint = استورد ملفاتك (CSV أو Excel أو JSON الخاص بهذا التطبيق): تبقى في هذا المتصفح.
data-files = ملفات البيانات (أو أفلتها هنا)
framework-field = الإطار (بيانات COINr الوصفية؛ اختياري)
framework-file = (الإطار)
remove-file = إزالة { $name }
name = الاسم
layout = التخطيط
delimiter = الفاصل
decimal-mark = الفاصلة العشرية
encoding = الترميز
reading-files = جارٍ قراءة الملفات…
errors-warnings = الأخطاء: { $errors }، التحذيرات: { $warnings }.
imported-shown = تم الاستيراد: معروضة الآن، ومدرجة ضمن «بياناتك».
nothing-imported = لم يُستورد شيء: العرض كما كان. أصلح الملفات وحاول مرة أخرى.
stored-here = المحفوظة في هذا المتصفح
nothing-imported-yet = لم يُستورد شيء بعد.
imported-on = استُورد في { $date }
open = فتح
imports-not-kept = لا يمكن الاحتفاظ بالبيانات المستوردة: { $why }.
delete-import = حذف «{ $name }» من هذا المتصفح؟ لا يمكن التراجع عن ذلك: استورد الملفات مرة أخرى لرؤيتها.
import-deleted = حُذف «{ $name }» من هذا المتصفح.
your-framework = إطارك
framework-hint = أعد تسمية أجزاء مؤشر بياناتك أو انقلها أو احذفها، أو اعكس اتجاه مؤشر. تُضبط الأوزان في لوحة الأوزان.
changes-kept = يُحفظ كل تغيير مع بياناتك في هذا المتصفح.
changes-until-closed = تعذّر الاحتفاظ بالتغييرات في هذا المتصفح: تبقى حتى إغلاق الصفحة.
delete-ask = حذف…
delete-part = حذف «{ $name }» وكل ما تحته من إطارك؟ تبقى بياناته في مجموعة البيانات.
direction = الاتجاه
higher-better = الأعلى أفضل
lower-better = الأدنى أفضل
move-under = نقل تحت
move = نقل
framework-not-changed = لم يتغيّر الإطار: { $why }.
world-map = خريطة العالم
map-show = عرض
classes = الفئات
quantiles = الكمّيات
equal-intervals = فترات متساوية
own-breaks = حدودي الخاصة
number-of-classes = العدد
breaks = الحدود
breaks-example = مثلًا 25، 50، 75
breaks-not-applied = لم تُطبَّق الحدود: { $why }.
outline-ldcs = إحاطة أقل البلدان نموًا بإطار
no-data = لا بيانات
small-state = دولة صغيرة (أقل من 20,000 كم²)
legend = مفتاح الخريطة
loading-map = جارٍ تحميل الخريطة…
map-not-loaded = تعذّر تحميل الخريطة: { $why }.
map-not-drawn = تعذّر رسم الخريطة: { $why }
nominal-rank = المرتبة الاسمية
rank-over-draws = المرتبة عبر السحوبات
gdp-axis = نصيب الفرد من الناتج المحلي الإجمالي، بالدولار وفق تعادل القوة الشرائية (مقياس لوغاريتمي)
others = غيرها
fitted-line = خط الانحدار
performer-tip = { $name } ({ $code }): الدرجة { $score } · نصيب الفرد من الناتج المحلي الإجمالي { $gdp } دولار · المرتبة { $rank }، والمتوقعة { $expected }
scenario-file-too-large = لم يُستورد { $file }: حجمه أكبر من { $mib } ميبيبايت، وهو أقصى ما يُقرأ لملف سيناريو.
file-not-read = تعذّرت قراءة { $file }.
scenario-part-default = السيناريو «{ $name }»: { $problem }؛ يُفتح بالقيمة الافتراضية لهذا الجزء.
scenarios-imported = { $count ->
    [zero] لم يُستورد أي سيناريو من { $file }.
    [one] استُورد سيناريو واحد من { $file }.
    [two] استُورد سيناريوهان من { $file }.
    [few] استُوردت { $count } سيناريوهات من { $file }.
    [many] استُورد { $count } سيناريو من { $file }.
   *[other] استُورد { $count } سيناريو من { $file }.
}
file-not-imported = لم يُستورد { $file }: { $why }.
export-failed = فشل التصدير: { $why }.
download-failed = فشل التنزيل: { $why }.
not-made = تعذّر إنشاء ملف { $what }: { $why }.
nothing-to-download = لا شيء للتنزيل بعد
not-loaded-yet = لم تُحمَّل البيانات بعد
file-unreadable = تعذّرت قراءة { $file }
import-not-shown = تعذّر عرض البيانات المستوردة: { $why }.
import-not-kept = بياناتك معروضة لكن تعذّر الاحتفاظ بها في هذا المتصفح: { $why }. ستختفي بمجرد إغلاق الصفحة.
imported-elsewhere = يعرض هذا الرابط بيانات مستوردة في متصفح آخر (`{ $id }`). لا توجد البيانات المستوردة إلا في المتصفح الذي استوردها، لذا يُعرض العرض الافتراضي؛ استورد الملفات هنا لرؤيتها.
mine-not-opened = تعذّر فتح بياناتك `{ $id }`: { $why }.
import-not-deleted = تعذّر حذف «{ $name }»: { $why }.
change-not-kept = التغيير معروض لكن تعذّر الاحتفاظ به في هذا المتصفح: { $why }.
no-storage = هذا المتصفح لا يحتفظ بأي بيانات للصفحة (IndexedDB غير متاح أو معطّل، كما في بعض النوافذ الخاصة)
storage-full = مساحة التخزين في المتصفح لهذا الموقع ممتلئة: احذف بعض بياناتك، أو أفرغ مساحة من إعدادات المتصفح
storage-refused = رفض التخزين في المتصفح
too-large-to-keep = حجمها { $size } ميغابايت، وهو أكبر من { $max } ميغابايت التي تحتفظ بها هذه الصفحة
scenarios-other-tab = تغيّرت السيناريوهات المحفوظة في علامة تبويب أخرى لهذا الموقع: تعرضها القائمة كما هي الآن.
scenarios-for-visit = السيناريوهات المحفوظة الآن تبقى حتى إغلاق هذه الصفحة (التخزين في المتصفح غير متاح): صدّرها للاحتفاظ بها.
scenario-not-saved = لم يُحفظ السيناريو «{ $name }»: { $why }.
scenario-storage-full = التخزين في المتصفح ممتلئ: لم يُحفظ السيناريو. صدّر سيناريوهاتك إلى ملف، أو احذف بعضها
scenario-not-deleted = لم يُحذف: { $why }.
entry-not-removed = لم يُزَل: { $why }.
not-renamed-elsewhere = لم تُغيَّر تسمية «{ $name }»: { $why }.
entries-unreadable = { $count ->
    [one] تعذّرت قراءة مُدخل واحد من السيناريوهات المحفوظة. وهو مُدرج تحت «السيناريوهات»، حيث يمكنك تنزيله أو إزالته.
    [two] تعذّرت قراءة مُدخلين من السيناريوهات المحفوظة. وهما مُدرجان تحت «السيناريوهات»، حيث يمكنك تنزيلهما أو إزالتهما.
    [few] تعذّرت قراءة { $count } مُدخلات من السيناريوهات المحفوظة. وهي مُدرجة تحت «السيناريوهات»، حيث يمكنك تنزيلها أو إزالتها.
   *[other] تعذّرت قراءة { $count } مُدخلًا من السيناريوهات المحفوظة. وهي مُدرجة تحت «السيناريوهات»، حيث يمكنك تنزيلها أو إزالتها.
}
entry-key-not-ours = مفتاحه ليس من المفاتيح التي يكتبها هذا التطبيق
entry-not-returned = لم يُعِده المتصفح
name-too-long = { $count ->
    [few] طول الاسم { $count } أحرف؛ والحد الأقصى { $max }
    [many] طول الاسم { $count } حرفًا؛ والحد الأقصى { $max }
   *[other] طول الاسم { $count } حرف؛ والحد الأقصى { $max }
}
not-saved = لم يُحفظ السيناريو: { $why }.
not-renamed = لم تُغيَّر التسمية: { $why }.
needs-name = يلزم اسم للسيناريو: لم تُغيَّر التسمية.
compare-limit = يمكن مقارنة { $count } سيناريوهات على الأكثر في آنٍ واحد.
untitled-scenario = سيناريو بلا اسم رقم { $id }
copy-name = { $name } (نسخة)
deleted-elsewhere = حُذف في علامة تبويب أخرى
changed-elsewhere = تغيّر في علامة تبويب أخرى؛ تعرضه القائمة الآن كما هو

# جمل التحليلات: عدم اليقين، وأفضل المراتب وأسوؤها.
any-weights = أي أوزان
weights-as-they-are = ثابتة
rob-sentence = عدد السحوبات { $draws }، مع تغيير { $varying } (البذرة { $seed }، { $seconds } ث): تمتد مرتبة { $wide } من أصل { $count } وحدة على أكثر من { $places } مرتبة في الـ 90 % الوسطى من السحوبات.
rob-failed-draws = تعذّر حساب { $draws } من السحوبات فاستُبعدت.
rob-gap = الفجوة { $pair }: { $gap }؛ وفي 90 % من السحوبات بين { $low } و{ $high }.
rob-gap-scales = الفجوة { $pair }: { $gap }؛ لا تُقارن عبر السحوبات لأن طرق التطبيع فيها تعطي درجات على مقاييس مختلفة.
rob-gap-none = الفجوة { $pair }: غير متاحة (إحدى المجموعتين بلا درجة).
rob-ranks-one = يحتل { $name } المرتبة { $rank } وفق هذه الخيارات؛ وعبر السحوبات تكون مرتبته الأرجح { $likeliest } ({ $share } من السحوبات)، ويحتل المرتبة { $first } فيها جميعًا.
rob-ranks-between = يحتل { $name } المرتبة { $rank } وفق هذه الخيارات؛ وعبر السحوبات تكون مرتبته الأرجح { $likeliest } ({ $share } من السحوبات)، وتتراوح مرتبته بين { $first } و{ $last } فيها جميعًا.
half-to-double = كل وزن بين نصفه وضعفه
not-ruled-out = { $rank } ({ $limit } غير مستبعدة)
ranges-all-proven = أفضل المراتب وأسوؤها لـ { $count } وحدة (الأوزان المسموح بها: { $range }؛ الركائز: { $pillars }، { $pillar_count }؛ { $seconds } ث): ثبتت جميع الحدود.
ranges-not-proven = أفضل المراتب وأسوؤها لـ { $count } وحدة (الأوزان المسموح بها: { $range }؛ الركائز: { $pillars }، { $pillar_count }؛ { $seconds } ث): عدد الوحدات التي لم يثبت أحد حدودها في الوقت المسموح (2 ث لكل برنامج): { $unproven }.
ranges-left-out = { $count ->
    [one] استُبعدت وحدة واحدة ليس لها درجة في كل ركيزة.
    [two] استُبعدت وحدتان ليس لهما درجة في كل ركيزة.
    [few] استُبعدت { $count } وحدات ليس لها درجة في كل ركيزة.
   *[other] استُبعدت { $count } وحدة ليس لها درجة في كل ركيزة.
}
bod-not-available = منفعة الشك: غير متاحة ({ $why }).
best-rank-with = يحتل { $name } المرتبة { $rank } وفق هذه الأوزان؛ وأفضل مرتبة ممكنة له { $best }، بالأوزان { $weights }.
best-rank-not-proven-with = يحتل { $name } المرتبة { $rank } وفق هذه الأوزان؛ وأفضل مرتبة ممكنة له { $best } (المرتبة { $limit } غير مستبعدة)، بالأوزان { $weights }.
bod-scores = منفعة الشك: يحصل { $name } على { $score } (المرتبة { $rank }) وفق الأوزان الأكثر مواتاة له.
bod-scores-made-of = منفعة الشك: يحصل { $name } على { $score } (المرتبة { $rank }) وفق الأوزان الأكثر مواتاة له، وتتكون درجته من { $shares }.
bod-scores-one-unused = منفعة الشك: يحصل { $name } على { $score } (المرتبة { $rank }) وفق الأوزان الأكثر مواتاة له، وتتكون درجته من { $shares }؛ ولا وزن لـ { $unused }.
bod-scores-unused = منفعة الشك: يحصل { $name } على { $score } (المرتبة { $rank }) وفق الأوزان الأكثر مواتاة له، وتتكون درجته من { $shares }؛ ولا وزن لأيٍّ من { $unused }.

# جمل التحليلات: لماذا تحرّك، وما الذي يلزم، وسلامة المؤشر.
the-published-scenario = السيناريو المنشور
the-view-explained = العرض المشروح
why-moved = لماذا انتقل { $name } من { $from } إلى { $to }
waterfall-label = مخطط شلالي: نصيب كل تغيير من تغيّر درجة { $name }، ثم المجموع
total-change = التغيّر الكلي
not-in-explanation = { $name } غير موجود في الشرح.
nothing-differs = لا فرق بين { $from } و{ $to }.
node-weight = وزن { $node }
weights-within = الأوزان داخل { $node }
change-treatment = معالجة القيم المتطرفة
change-imputation = تعويض القيم الناقصة
change-screen = الفرز
change-carry-forward = ترحيل القيم
change-denominate = القسمة على المقامات
rank-from-to = المرتبة { $from } ← { $to }
unranked-at-one-end = غير مرتّب في أحد الطرفين
change-for = { $change }: { $part }
explain-one-part = من تغيّر درجة { $name } بمقدار { $total } (من { $from } إلى { $to }، { $ranks }): { $first }.
explain-two-parts = من تغيّر درجة { $name } بمقدار { $total } (من { $from } إلى { $to }، { $ranks }): { $first } و{ $second }.
explain-one-other = من تغيّر درجة { $name } بمقدار { $total } (من { $from } إلى { $to }، { $ranks }): { $first }، و{ $second }، والتغيير الآخر: { $rest }.
explain-others = من تغيّر درجة { $name } بمقدار { $total } (من { $from } إلى { $to }، { $ranks }): { $first }، و{ $second }، والتغييرات الأخرى ({ $count }): { $rest }.
sampled-note = مع { $count } من التغييرات تُقدَّر الأنصبة من { $orders } ترتيبًا مسحوبًا عشوائيًا، لكلٍّ منها خطؤه المعياري؛ أما التغيّر الكلي فدقيق.
sampled-note-largest = مع { $count } من التغييرات تُقدَّر الأنصبة من { $orders } ترتيبًا مسحوبًا عشوائيًا، لكلٍّ منها خطؤه المعياري (أكبرها ±{ $largest })؛ أما التغيّر الكلي فدقيق.
from = من
to = إلى
part-of-score-change = النصيب من تغيّر الدرجة
part-of-rank-change = النصيب من تغيّر المرتبة
standard-error = الخطأ المعياري
total = المجموع
unit = الوحدة
current = الحالية
needed = المطلوبة
best-observed = أفضل قيمة مرصودة
worst-observed = أسوأ قيمة مرصودة
effort-one-run = حُسب بتشغيل سلسلة الحساب كاملة مرة واحدة في { $ms } مللي ثانية.
effort-runs = { $count ->
    [one] حُسب بتشغيل سلسلة الحساب كاملة مرة واحدة في { $ms } مللي ثانية.
    [two] حُسب بتشغيل سلسلة الحساب كاملة مرتين في { $ms } مللي ثانية.
    [few] حُسب بتشغيل سلسلة الحساب كاملة { $count } مرات في { $ms } مللي ثانية.
   *[other] حُسب بتشغيل سلسلة الحساب كاملة { $count } مرة في { $ms } مللي ثانية.
}
list-and = { $items } و{ $last }
and-one-more-indicator = { $items }، ومؤشر آخر (انظر الجدول)
and-more-indicators = { $items }، و{ $count } مؤشرات أخرى (انظر الجدول)
unranked = غير مرتّب
no-score = بلا درجة
no-indicator-chosen = { $name }: لم يُختر أي مؤشر.
the-chosen-indicators = المؤشرات المختارة ({ $count })
the-chosen-indicator = المؤشر المختار
already-there = متحقق بالفعل
reached = قابل للتحقيق
out-of-reach = بعيد المنال ضمن النطاق المرصود
already-at-rank = { $name } بالفعل في { $now }، ضمن المرتبة { $rank }: لا شيء يحتاج إلى تحسين.
already-ahead = { $name } متقدم بالفعل على { $other } (الدرجة { $score } مقابل { $their }): لا شيء يحتاج إلى تحسين.
reach-rank-closing = سيبلغ { $name } المرتبة { $rank } (حاليًا { $now }) بسدّ { $share } % من فجوة كل مؤشر عن أفضل قيمة مرصودة: { $moves }.
reach-rank-with = سيبلغ { $name } المرتبة { $rank } (حاليًا { $now }) مع { $moves }.
pass-closing = سيتجاوز { $name } { $other } (الدرجة { $score } مقابل { $their }؛ حاليًا { $now }) بسدّ { $share } % من فجوة كل مؤشر عن أفضل قيمة مرصودة: { $moves }.
pass-with = سيتجاوز { $name } { $other } (الدرجة { $score } مقابل { $their }؛ حاليًا { $now }) مع { $moves }.
out-of-reach-rank = لن يبلغ { $name } المرتبة { $rank } حتى لو بلغ { $chosen } أفضل قيمة لدى أي بلد: سيكون في أحسن الأحوال في { $best }.
out-of-reach-past = لن يتجاوز { $name } { $other } حتى لو بلغ { $chosen } أفضل قيمة لدى أي بلد: ستكون درجته في أحسن الأحوال { $score }، مقابل { $their } لـ { $other }.
carried-forward-note = القيمة الحالية المتبوعة بسنة بين قوسين مرحَّلة من تلك السنة؛ والقيمة المطلوبة هي للسنة المعروضة.
not-monotone-note = معالجة القيم المتطرفة تجعل الدرجة تنخفض مجددًا عند تحسّن أكبر هنا: هذا أصغر تحسّن وُجد.
negative-within-parent = سالب ضمن العقدة الأم
near-duplicates = شبه مكررين (|r| > 0.92)
negative-and-near-duplicates = سالب ضمن العقدة الأم؛ شبه مكررين
siblings = عقدتان شقيقتان
same-level = المستوى نفسه
parent = العقدة الأم
ancestor = عقدة أعلى
health-sentence = { $title } في { $year }: وُسم { $flags } من أصل { $count } معامل ارتباط (سالبة ضمن عقدة أم، أو شبه مكررة)؛ وكل قيم α المعرّفة 0.7 أو أكثر.
health-sentence-low = { $title } في { $year }: وُسم { $flags } من أصل { $count } معامل ارتباط (سالبة ضمن عقدة أم، أو شبه مكررة)؛ وقيمة α أقل من 0.7 لـ { $low }.
correlations-title = الارتباطات بين المؤشرات والركائز والمؤشر المركّب ({ $coefficient })، { $year }

# المتفوقون والمتأخرون، وعبر السنين، وبياناتك، وخريطة العالم: جملها وخياراتها وجداولها.
no-gdp = لا يوجد نصيب الفرد من الناتج المحلي الإجمالي لعام { $year }
gdp-not-positive = نصيب الفرد من الناتج المحلي الإجمالي لعام { $year } لا يزيد على 0
no-economy-scored = لا يوجد اقتصاد له درجة في { $year }.
gdp-for-all = نصيب الفرد من الناتج المحلي الإجمالي متاح لجميع الاقتصادات ذات الدرجة ({ $count }) في { $year }.
gdp-for-some = نصيب الفرد من الناتج المحلي الإجمالي متاح لـ { $compared } من أصل { $count } من الاقتصادات ذات الدرجة في { $year }.
code = الرمز
group = المجموعة
gdp-ppp = نصيب الفرد من الناتج المحلي الإجمالي (تعادل القوة الشرائية)
expected-rank = المرتبة المتوقعة
note = ملاحظة
group-mean = متوسط { $group }
trend-title = { $name }: المرتبة ودرجة المؤشر، { $first }–{ $last }، مع متوسطات المجموعات
trend-label = مخططات خطية لدرجة { $name } في { $index } مع متوسط درجات المجموعات، ولمرتبته، عبر السنين
detect = الكشف تلقائيًا
layout-long = طويل: الوحدة، المؤشر، السنة، القيمة
layout-wide = عريض: عمود لكل مؤشر
layout-per-indicator = ملف لكل مؤشر
layout-xlsx = مصنف Excel (.xlsx)
delimiter-comma = فاصلة ,
delimiter-semicolon = فاصلة منقوطة ;
delimiter-tab = علامة جدولة
decimal-point = نقطة 12.5
decimal-comma = فاصلة 12,5
choose-data-file = اختر ملف بيانات أولًا.
too-many-files = عدد الملفات المختارة { $count }: يقبل الاستيراد { $most } ملفًا على الأكثر.
file-too-large = حجم { $name } هو { $size }: يقبل الاستيراد ملفات لا يزيد حجمها على { $most } ميبيبايت.
severity-error = خطأ
severity-warning = تحذير
severity-note = ملاحظة
not-a-number = «{ $word }» ليس عددًا
type-a-break = اكتب حدًا فاصلًا واحدًا على الأقل، مثل 25، 50، 75
too-many-breaks = { $most } حدود فاصلة على الأكثر ({ $classes } فئات)
not-in-dataset = { $name }: غير موجود في مجموعة البيانات هذه
map-unit = { $name }: { $score } · المرتبة { $rank } من { $count }
map-unit-no-change = { $name }: { $score } · المرتبة { $rank } من { $count } · دون تغيير منذ الأوزان المنشورة
map-unit-change = { $name }: { $score } · المرتبة { $rank } من { $count } · { $change } منذ الأوزان المنشورة
unit-no-data = { $name }: لا توجد بيانات
quantile-classes = فئات حسب المئينات
equal-intervals-lower = فترات متساوية
readers-breaks = حدود فاصلة اختارها القارئ
map-title = { $what } على خريطة العالم، { $year }
map-label = خريطة العالم لدرجات { $what } في { $classes } فئات، أغمق للدرجات الأعلى؛ وحدات مجموعة البيانات بلا درجة ({ $count }) والبلدان التي لا تغطيها مظلّلة بخطوط؛ والدول الصغيرة دوائر
class = الفئة

# عناوين المخططات وأوصافها لقارئات الشاشة وجداولها؛ والأسماء المختصرة للمجموعات.
ldcs = أقل البلدان نموًا
developed = المتقدمة
other-developing = نامية أخرى
developed-m49 = المتقدمة (M49)
developing-m49 = النامية (M49)
developed-abbrev = متقدمة
other-developing-abbrev = نامية أ.
weights-changed-line = الأوزان (معدّلة): { $weights }
published-weights-line = الأوزان المنشورة: { $weights }
bars-title = { $index } حسب البلد، { $year }
bars-label-ends = مخطط أعمدة لدرجات { $index }، الأفضل أولًا: من { $first } { $first_score } إلى { $last } { $last_score }
bars-label = مخطط أعمدة لدرجات { $index }، الأفضل أولًا
gap-chart-title = متوسط درجة { $groups } في المؤشر وكل ركيزة، { $year }
gap-chart-label = أعمدة متوسط درجة كل مجموعة لكل ركيزة: { $marks }
strips-title = توزيع درجات { $index } حسب المجموعة، { $year }
strips-label = مخطط شرائط للدرجات حسب المجموعة، وخطوط تحدد الوسيطات: { $marks }، والبقية نقاط رمادية
units = الوحدات
index-word = المؤشر
share-of-group = { $group } كنسبة من { $of }
trend-gap-title = متوسط درجة { $what } لـ { $groups }، والفجوة، { $span }
trend-chart-title = متوسط درجة { $what } لـ { $groups }، { $span }
trend-chart-label = مخطط خطي لمتوسط درجة { $what } لكل مجموعة عبر السنين: { $marks }
scatter-title = درجة { $index } مقابل نصيب الفرد من الناتج المحلي الإجمالي (تعادل القوة الشرائية)، { $year }
scatter-label = مخطط انتشار لدرجات { $index } مقابل نصيب الفرد من الناتج المحلي الإجمالي (تعادل القوة الشرائية، مقياس لوغاريتمي) مع الخط المطابق؛ { $a } مثلثات، و{ $b } دوائر
marked-as = { $group } { $shape }
filled-triangles = مثلثات مصمتة
open-circles = دوائر مفرغة
filled-squares = مربعات مصمتة
open-diamonds = معينات مفرغة
filled-down-triangles = مثلثات مصمتة مقلوبة
crosses = علامات ×
rank-of-count = المرتبة { $rank } من { $count }
profile-facts = المرتبة { $rank } من { $count } · الدرجة { $score }

# أسماء البيانات المعروضة، قبل سبب تعذّر عرضها.
the-imported-data = البيانات المستوردة
your-stored-data = بياناتك المحفوظة
your-framework-named = إطارك

# تعديلات الإطار المرفوضة.
no-framework = ليس لمجموعة البيانات إطار
no-such-part = لا يوجد جزء «{ $part }»
name-empty = لا يمكن أن يكون الاسم فارغًا
direction-not-indicator = «{ $part }» ليس مؤشرًا: الاتجاه للمؤشرات وحدها
indicator-not-in-data = المؤشر «{ $part }» غير موجود في البيانات
under-itself = لا يمكن وضع «{ $part }» تحت نفسه أو تحت ما يقع تحته
under-indicator = «{ $part }» مؤشر: توضع الأجزاء تحت عنصر تجميعي
index-not-moved = لا يمكن نقل المؤشر نفسه
index-not-deleted = لا يمكن حذف المؤشر نفسه
nothing-left = لن يبقى شيء من المؤشر
