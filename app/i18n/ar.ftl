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
nothing-yet = لا شيء للعرض بعد
loading = جارٍ تحميل { $what }…
weights-and-method = الأوزان والمنهجية
group-gap = الفجوة بين المجموعات
could-not-load = تعذّر تحميل { $what }: تحقّق من الاتصال.
retry = إعادة المحاولة
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
the-gap = الفجوة
group-a = المجموعة أ
group-b = المجموعة ب
gap = الفجوة
compare-another = مقارنة مجموعة أخرى
add-group = إضافة مجموعة…
stop-comparing = إيقاف مقارنة هذه المجموعة
gap-hint = متوسطات الوحدات ذات الدرجات: { $a_scored } من { $a_all } في أ ({ $a_share })، و{ $b_scored } من { $b_all } في ب ({ $b_share }). نسبة أ/ب في المؤشر: { $ratio }. مرّر المؤشر فوق رقم لرؤية وسيطه.
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
edition = الإصدار
licence = الترخيص
coverage-in = التغطية { $year }
carried-forward = +{ $count } مُرحّلة من سنوات سابقة
also-used = مستخدمة أيضًا (للسياق، وليست في المؤشر):
licence-is = الترخيص: { $licence }.
data-edition = إصدار البيانات { $edition } (ما يثبّته التضمين الثابت).
computed-here = يحسب مستكشف المؤشرات كل درجة في متصفحك بالمحرّك نفسه الذي تستخدمه أداة سطر الأوامر الخاصة به. التقريب للعرض فقط.
