// DeadlineFinder: every written form of a deadline, the traps that are no deadline,
// text without diacritics, dates (FindDates) and the choice of the binding deadline.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/extract/dates.h"
#include "pipeline/extract/deadline_finder.h"
#include "pipeline/normalize/tone.h"

namespace notices::extract {
namespace {

using K = DeadlineKind;
using R = Recurrence;

const DeadlineFinder& Finder() {
  static const DeadlineFinder* finder = [] {
    auto rules = ruleset::RuleSet::Builtin();
    EXPECT_TRUE(rules) << rules.error().message;
    auto f = DeadlineFinder::Create(rules.value());
    EXPECT_TRUE(f) << f.error().message;
    return new DeadlineFinder(std::move(f).value());
  }();
  return *finder;
}

std::optional<PartialDate> Date(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int parts[3] = {0, 0, 0};
  int k = 0;
  for (char c : s) {
    if (c == '-') ++k;
    else parts[k] = parts[k] * 10 + (c - '0');
  }
  return PartialDate{parts[0], parts[1], parts[2]};
}

std::string Show(const std::optional<PartialDate>& d) { return d ? d->ToString() : "null"; }

// The binding deadline of `text`, or "none" when FindAll finds nothing.
struct Case {
  const char* text;
  const char* document_date;  // "" when unknown; "2026-05" month precision
  const char* due;            // "" for null; "none" for no deadline at all
  bool before;
  K kind;
  R recurrence;
  MatchMode mode = MatchMode::kExact;
  const char* received = "";
};

constexpr const char* kNone = "none";

const Case kCases[] = {
    // Exact dates in every written form.
    {"trình Ban Chỉ đạo ban hành chậm nhất trong ngày 15/01/2026.", "2025-12-31", "2026-01-15", false, K::kDate, R::kNone},
    {"Hoàn thành, báo cáo UBND tỉnh trước ngày 26/5/2026.", "2026-05", "2026-05-26", true, K::kDate, R::kNone},
    {"trình cấp có thẩm quyền phần đầu hoàn thành trước ngày 26/5/2026, làm cơ sở", "2026-05", "2026-05-26", true, K::kDate, R::kNone},
    {"gửi báo cáo trước 16 giờ, ngày 12/8/2024", "2024-08-01", "2024-08-12", true, K::kDate, R::kNone},
    {"gửi báo cáo trước 16h00 ngày 12/8/2024", "2024-08-01", "2024-08-12", true, K::kDate, R::kNone},
    {"hoàn thành trước ngày 15-01-2026", "2026-01-02", "2026-01-15", true, K::kDate, R::kNone},
    {"hoàn thành trước ngày 15.01.2026", "2026-01-02", "2026-01-15", true, K::kDate, R::kNone},
    {"báo cáo chậm nhất ngày 15 tháng 01 năm 2026", "2026-01-02", "2026-01-15", false, K::kDate, R::kNone},
    {"báo cáo chậm nhất ngày 05tháng 02năm 2026", "2026-01-02", "2026-02-05", false, K::kDate, R::kNone},
    {"báo cáo chậm nhất ngày 15 / 01 / 2026", "2026-01-02", "2026-01-15", false, K::kDate, R::kNone},
    {"bảo đảm hoàn thành việc áp dụng chậm nhất đến ngày 01 tháng 7 năm 2028.", "2026-07-21", "2028-07-01", false, K::kDate, R::kNone},
    {"hoàn thành đúng thời hạn trước ngày 01 tháng 7 năm 2028 theo quy định", "2026-07-21", "2028-07-01", true, K::kDate, R::kNone},
    {"Yêu cầu hoàn thiện gửi Văn phòng Uỷ ban nhân dân trước ngày 24/5/2019.", "2019-05-21", "2019-05-24", true, K::kDate, R::kNone},
    {"theo đề nghị tại Công văn số 3145/BKHĐT-KTĐPLT ngày 15/5/2019 (Sao gửi Công văn kèm theo). Yêu cầu gửi báo cáo về Sở Kế hoạch và Đầu tư trước ngày 23/5/2019.", "2019-05-21", "2019-05-23", true, K::kDate, R::kNone},
    {"báo cáo UBND tỉnh kết quả thực hiện trước ngày 10/7/2024./.", "2024-06-21", "2024-07-10", true, K::kDate, R::kNone},
    {"Thời hạn hoàn thành: 30/6/2026", "2026-05", "2026-06-30", false, K::kDate, R::kNone},
    {"đề nghị gia hạn đến ngày 30/6/2026", "2026-05", "2026-06-30", false, K::kDate, R::kNone},
    {"báo cáo trong ngày 15/01/2026", "2026-01-10", "2026-01-15", false, K::kDate, R::kNone},
    // The devset's deadline phrases (../shared/devset and ../shared/real-pdf gold), as
    // normalized text, with their gold dates.
    {"trình UBND tỉnh xem xét chậm nhất trong ngày 26/5/2026.", "2026-05", "2026-05-26", false, K::kDate, R::kNone},
    {"phải trình cấp có thẩm quyền xem xét, quyết định chủ trương đầu tư trước ngày 10/6/2026 để bảo đảm đủ điều kiện", "2026-05", "2026-06-10", true, K::kDate, R::kNone},
    {"rà soát, hướng dẫn hoàn thiện thủ tục thành lập theo quy định tại Nghị định số 32/2024/NĐ-CP; hoàn thành trước ngày 31/12/2026.", "2026-06", "2026-12-31", true, K::kDate, R::kNone},
    {"gửi Sở Công Thương thẩm định, trình Ủy ban nhân dân tỉnh, hoàn thành trước ngày 30/7/2026.", "2026-06", "2026-07-30", true, K::kDate, R::kNone},
    {"Báo cáo của các cơ quan, đơn vị gửi về UBND tỉnh trước ngày 12/6/2026 để tổng hợp", "2026-06", "2026-06-12", true, K::kDate, R::kNone},
    {"tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh trước ngày 05/10/2026.", "2026-09-15", "2026-10-05", true, K::kDate, R::kNone},
    {"theo đề nghị của Bộ Công Thương tại Văn bản số 2265/BCT-ATMT ngày 02/4/2026 và báo cáo Uỷ ban nhân dân tỉnh trước ngày 15/4/2026.", "2026-04-06", "2026-04-15", true, K::kDate, R::kNone},
    {"- Báo cáo 6 tháng: Sở Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 10/7 (riêng năm 2026 thực hiện báo cáo năm).", "2026-07-10", "2027-07-10", true, K::kDate, R::kHalfYearly},
    {"- Báo cáo năm: Sở Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12.", "2026-07-10", "2026-12-20", true, K::kDate, R::kYearly},
    {"d) Trong thời gian hoàn thiện việc rà soát, giao, khai thác và xử lý tài sản theo Nghị định số 178/2026/NĐ-CP, chỉ đạo", "2026-07-10", "", false, K::kOngoing, R::kNone},
    {"định kỳ hoặc đột xuất báo cáo Ủy ban nhân dân tỉnh (qua Sở Tài chính) theo quy định.", "2026-07-10", kNone, false, K::kDate, R::kNone},
    {"hoàn thành việc rà soát, thống kê theo đúng tiến độ quy định tại Nghị định số 178/2026/NĐ-CP.", "2026-07-10", kNone, false, K::kDate, R::kNone},
    {"- Báo cáo đột xuất: Theo yêu cầu của Ủy ban nhân dân tỉnh, Bộ Tài chính.", "2026-07-10", kNone, false, K::kDate, R::kNone},
    {"phải thông báo bằng văn bản đến Ủy ban nhân dân tỉnh ít nhất 10 ngày, thông báo cho Ủy ban nhân dân cấp xã nơi thực hiện nổ mìn trước 24h trước khi sử dụng", "2026-01-10", kNone, false, K::kDate, R::kNone},
    {"k) Thực hiện nghiêm chế độ báo cáo định kỳ, đột xuất theo quy định tại Điều 17 Thông tư số 23/2024/TT-BCT ngày 07/11/2024 của Bộ Công Thương.", "2026-01-10", kNone, false, K::kDate, R::kNone},
    // Months: the last day; "trước tháng" the first, before.
    {"2.3. Công an tỉnh: khẩn trương triển khai; hoàn thành trong tháng 5/2026.", "2026-05", "2026-05-31", false, K::kMonth, R::kNone},
    {"xây dựng Kế hoạch; trình UBND tỉnh trong tháng 01/2026.", "", "2026-01-31", false, K::kMonth, R::kNone},
    {"báo cáo UBND tỉnh chậm nhất trong tháng 01/2026.", "", "2026-01-31", false, K::kMonth, R::kNone},
    {"tổ chức di dời, hoàn thành di dời trong tháng 9 năm 2026;", "2026-06", "2026-09-30", false, K::kMonth, R::kNone},
    {"trình UBND tỉnh trước tháng 6/2026", "2026-05", "2026-06-01", true, K::kMonth, R::kNone},
    {"hoàn thành trong tháng 2/2028", "2028-01", "2028-02-29", false, K::kMonth, R::kNone},
    // Quarters.
    {"hoàn thành, báo cáo UBND tỉnh trong quý I/2026.", "", "2026-03-31", false, K::kQuarter, R::kNone},
    {"hoàn thành quý II năm 2026", "2026-01", "2026-06-30", false, K::kQuarter, R::kNone},
    {"Thời hạn: Quý III/2026", "2026-01", "2026-09-30", false, K::kQuarter, R::kNone},
    {"báo cáo chậm nhất trong quý 3/2026", "2026-01", "2026-09-30", false, K::kQuarter, R::kNone},
    {"hoàn thành trong quý IV", "2026-05-05", "2026-12-31", false, K::kQuarter, R::kNone},
    {"đưa vào vận hành trước quý III/2026", "2026-01", "2026-07-01", true, K::kQuarter, R::kNone},
    // Half years and years.
    {"hoàn thành trong 6 tháng đầu năm 2026", "2026-01", "2026-06-30", false, K::kHalfYear, R::kNone},
    {"triển khai trong 6 tháng cuối năm 2026", "2026-06", "2026-12-31", false, K::kHalfYear, R::kNone},
    {"phấn đấu hoàn thành trong năm 2026", "2026-03", "2026-12-31", false, K::kYear, R::kNone},
    {"Thời gian hoàn thành: Năm 2026", "2026-03", "2026-12-31", false, K::kYear, R::kNone},
    {"hoàn thành trong năm 2026¹; kèm theo biểu tiến độ", "2026-05", "2026-12-31", false, K::kYear, R::kNone},
    {"hoàn thành trước năm 2027", "2026-05", "2027-01-01", true, K::kYear, R::kNone},
    // Ranges: the end.
    {"Đoàn công tác thực hiện từ ngày 02/3 đến hết ngày 06/3/2025.", "2025-02-20", "2025-03-06", false, K::kDate, R::kNone},
    {"Thời gian kiểm tra từ ngày 23/3 đến ngày 27/3/2026", "2026-03-10", "2026-03-27", false, K::kDate, R::kNone},
    {"cao điểm từ ngày 20/12/2025 đến ngày 05/01", "2025-12-01", "2026-01-05", false, K::kDate, R::kNone},
    {"hoàn thành trong giai đoạn 2026 - 2030", "2026-01", "2030-12-31", false, K::kYear, R::kNone},
    // A day or month without a year: the document's year, or the next.
    {"gửi Sở Tài chính trước ngày 05/7", "2026-05-05", "2026-07-05", true, K::kDate, R::kNone},
    {"gửi Sở Tài chính trước ngày 15/01", "2026-11-20", "2027-01-15", true, K::kDate, R::kNone},
    {"gửi Sở Tài chính trước ngày 15/11", "2026-12", "2026-11-15", true, K::kDate, R::kNone},
    {"hoàn thành trong tháng 9", "2026-06", "2026-09-30", false, K::kMonth, R::kNone},
    {"trình UBND tỉnh trong tháng 01", "2026-11-15", "2027-01-31", false, K::kMonth, R::kNone},
    {"gửi Sở Tài chính trước ngày 05/7", "", "", true, K::kDate, R::kNone},
    // Recurring.
    {"báo cáo UBND tỉnh trước ngày 20 hằng tháng", "2026-05", "", true, K::kRecurring, R::kMonthly},
    {"Định kỳ hằng quý tổng hợp, báo cáo Ủy ban nhân dân tỉnh", "2026-06", "", false, K::kRecurring, R::kQuarterly},
    {"tổng hợp, báo cáo hàng tháng", "2026-06", "", false, K::kRecurring, R::kMonthly},
    {"cập nhật số liệu hằng ngày", "2026-06", "", false, K::kRecurring, R::kDaily},
    {"tổ chức giao ban hằng tuần", "2026-06", "", false, K::kRecurring, R::kWeekly},
    {"tổng hợp, báo cáo hằng năm", "2026-06", "", false, K::kRecurring, R::kYearly},
    {"thực hiện chế độ báo cáo định kỳ 6 tháng", "2026-06", "", false, K::kRecurring, R::kHalfYearly},
    {"- Báo cáo 6 tháng: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 05/7; Sở Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 10/7 (riêng năm 2026 thực hiện báo cáo năm).", "2026-07-10", "2027-07-05", true, K::kDate, R::kHalfYearly},
    {"- Báo cáo năm: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 15/12; Sở Tài chính tổng hợp", "2026-07-10", "2026-12-15", true, K::kDate, R::kYearly},
    {"gửi báo cáo trước ngày 15/12 hằng năm", "2026-12-20", "2027-12-15", true, K::kDate, R::kYearly},
    {"đăng ký tiến độ giải ngân cụ thể theo từng tháng; làm rõ khối lượng", "2026-05", "", false, K::kRecurring, R::kMonthly},
    // Relative: counted from receipt, else the document date; working days skip Tết.
    {"báo cáo trong 05 ngày làm việc kể từ ngày nhận được văn bản", "2026-02-11", "2026-02-25", false, K::kRelative, R::kNone},
    {"báo cáo trong 05 ngày làm việc kể từ ngày nhận được văn bản", "2026-02-05", "2026-02-26", false, K::kRelative, R::kNone, MatchMode::kExact, "2026-02-12"},
    {"báo cáo trong vòng 10 ngày kể từ ngày ký", "2026-05-05", "2026-05-15", false, K::kRelative, R::kNone},
    {"trong 05 ngày làm việc kể từ ngày nhận được văn bản", "2026-05", "", false, K::kRelative, R::kNone},
    {"hoàn thành trong 02 tuần kể từ ngày 15/3/2026", "2026-03-10", "2026-03-29", false, K::kRelative, R::kNone},
    {"trong 07 (bảy) ngày làm việc, kể từ ngày 30/4/2025", "2025-04-20", "2025-05-13", false, K::kRelative, R::kNone},
    // Urgent and ongoing: no date.
    {"Khẩn trương rà soát toàn bộ nhiệm vụ còn chậm", "2026-05", "", false, K::kUrgent, R::kNone},
    {"tổ chức triển khai thực hiện ngay.", "2026-05", "", false, K::kUrgent, R::kNone},
    {"đề nghị Sở Y tế báo cáo gấp về UBND tỉnh", "2026-05", "", false, K::kUrgent, R::kNone},
    {"g) Thường xuyên phối hợp với chính quyền địa phương", "2026-01-10", "", false, K::kOngoing, R::kNone},
    {"Trong thời gian chưa hoàn thành di dời, giao các sở", "2026-06", "", false, K::kOngoing, R::kNone},
    // Traps: no deadline at all.
    {"thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "2026-05", kNone, false, K::kDate, R::kNone},
    {"tại Thông báo số 229/TB-VP ngày 05/4/2026 của Văn phòng UBND tỉnh", "2026-05", kNone, false, K::kDate, R::kNone},
    {"Ngày 20/3/2026, đồng chí Đoàn Thanh Sơn, Phó Chủ tịch UBND tỉnh đã tổ chức chương trình làm việc", "2026-05", kNone, false, K::kDate, R::kNone},
    {"Đối với danh mục dự kiến đăng ký kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030, yêu cầu các cơ quan", "2026-05", kNone, false, K::kDate, R::kNone},
    {"Trong năm 2025, công tác phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn tỉnh đã được tổ chức triển khai", "", kNone, false, K::kDate, R::kNone},
    {"(dự kiến tổ chức trong tháng 6 năm 2026), Văn phòng UBND tỉnh đề nghị", "2026-06", kNone, false, K::kDate, R::kNone},
    {"mục tiêu chi tối thiểu ngân sách hàng năm cho khoa học công nghệ", "2026-05", kNone, false, K::kDate, R::kNone},
    {"hoàn thành 2/3 khối lượng công việc", "2026-05", kNone, false, K::kDate, R::kNone},
    {"Trong 05 tháng đầu năm 2026, Sở Khoa học và Công nghệ đã có nhiều cố gắng", "2026-05", kNone, false, K::kDate, R::kNone},
    {"tại thời điểm đưa vào hoạt động đến trước ngày Luật Phòng cháy, chữa cháy có hiệu lực", "2026-07-21", kNone, false, K::kDate, R::kNone},
    {"các dự án đã được phê duyệt trước ngày 01/7/2025 thì tiếp tục thực hiện", "2026-05", kNone, false, K::kDate, R::kNone},
    {"Nghị quyết có hiệu lực từ ngày 01/7/2026 đến ngày 31/12/2026", "2026-05", kNone, false, K::kDate, R::kNone},
    {"chuyển đổi số năm 2026¹; kèm theo biểu tiến độ cụ thể", "2026-05", kNone, false, K::kDate, R::kNone},
    {"phát triển kinh tế - xã hội đến năm 2030, tầm nhìn đến năm 2045", "2022-12", kNone, false, K::kDate, R::kNone},
    {"bảo đảm nguồn chi thường xuyên", "2026-05", kNone, false, K::kDate, R::kNone},
    {"cụ thể hóa thành các chương trình, đề án, dự án, kế hoạch 5 năm và hằng năm để triển khai thực hiện", "2026-09-15", kNone, false, K::kDate, R::kNone},
    {"doanh thu tăng gấp đôi", "2026-05", kNone, false, K::kDate, R::kNone},
    {"ngay sau khi nhận được văn bản", "2026-05", kNone, false, K::kDate, R::kNone},
    {"đã hoàn thành trong năm 2025", "", kNone, false, K::kDate, R::kNone},
    {"kết quả triển khai trong tháng 01/2025", "2026-03", kNone, false, K::kDate, R::kNone},
    {"Trong thời gian tới, Sở cần tiếp tục phát huy", "2026-05", kNone, false, K::kDate, R::kNone},
    // Text without diacritics (MatchMode::kFolded), including OCR misreadings.
    {"truoc ngay 30 thang 6 nam 2024", "2024-05", "2024-06-30", true, K::kDate, R::kNone, MatchMode::kFolded},
    {"bao cao UBND tinh cham nhat trong ngay 15/01/2026", "", "2026-01-15", false, K::kDate, R::kNone, MatchMode::kFolded},
    {"b) Trude ngay 15 thang 02 nam 2023, xay dung, ban hanh Chuong trinh", "2022-12", "2023-02-15", true, K::kDate, R::kNone, MatchMode::kFolded},
    {"d) Thudng xuyen theo doi, kiem tra; dinh ky hang nam, tong hop, danh gia tinh hinh thuc hien, gui Bp Ke hoach va Dau tu trudc ngay 15 thang 12 de tong hop", "2022-12", "2022-12-15", true, K::kDate, R::kYearly, MatchMode::kFolded},
    {"hoan thanh, bao cao UBND tinh trong quy I/2026.", "", "2026-03-31", false, K::kQuarter, R::kNone, MatchMode::kFolded},
    {"Thuong xuyen theo doi", "2026-05", "", false, K::kOngoing, R::kNone, MatchMode::kFolded},
    {"quyet dinh chu truong dau tu truoc ngay 10/6/2026 de bao dam", "2026-05", "2026-06-10", true, K::kDate, R::kNone, MatchMode::kFolded},
    {"Uy ban nhan dan tinh truoc ngay 10/7/2026", "2026-05", "2026-07-10", true, K::kDate, R::kNone, MatchMode::kFolded},
    {"cac du an da duoc phe duyet truoc ngay 01/7/2025 thi", "2026-05", kNone, false, K::kDate, R::kNone, MatchMode::kFolded},
    {"cac doanh nghiep gap kho khan", "2026-05", kNone, false, K::kDate, R::kNone, MatchMode::kFolded},
    {"to chuc vao cung ngay, tai tinh", "2026-05", kNone, false, K::kDate, R::kNone, MatchMode::kFolded},
    {"Nghi quyet so 26-NQ/TW ngay 03 thang 11 nam 2022 cua Bo Chinh tri", "2022-12", kNone, false, K::kDate, R::kNone, MatchMode::kFolded},
};

TEST(DeadlineFinderTest, EveryFormGivesItsDueDate) {
  int checked = 0;
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    DateContext ctx;
    ctx.document_date = Date(c.document_date);
    ctx.received = Date(c.received);
    const std::string text = normalize::CanonicalForm(c.text);
    std::vector<Deadline> all = Finder().FindAll(text, {0, text.size()}, ctx, c.mode);
    std::optional<size_t> b = DeadlineFinder::Binding(all);
    if (std::string_view(c.due) == kNone) {
      EXPECT_TRUE(all.empty()) << "found \"" << all.front().text << "\"";
      ++checked;
      continue;
    }
    ASSERT_TRUE(b.has_value());
    const Deadline& d = all[*b];
    EXPECT_EQ(Show(d.due), Show(Date(c.due))) << "binding \"" << d.text << "\"";
    EXPECT_EQ(d.before, c.before);
    EXPECT_EQ(DeadlineKindName(d.kind), DeadlineKindName(c.kind));
    EXPECT_EQ(RecurrenceName(d.recurrence), RecurrenceName(c.recurrence));
    EXPECT_EQ(text.substr(d.span.begin, d.span.size()), d.text);
    ++checked;
  }
  EXPECT_GE(checked, 60);
}

TEST(DeadlineFinderTest, FindAllReturnsEveryPhraseInTextOrder) {
  const std::string text = normalize::CanonicalForm(
      "báo cáo UBND tỉnh chậm nhất trong ngày 15/01/2026; hằng tháng cập nhật, khẩn trương "
      "triển khai Thông báo số 229/TB-VP ngày 05/4/2026");
  DateContext ctx{.document_date = PartialDate{2026, 1, 5}};
  std::vector<Deadline> all = Finder().FindAll(text, {0, text.size()}, ctx, MatchMode::kExact);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].text, "chậm nhất trong ngày 15/01/2026");
  EXPECT_EQ(all[1].text, "hằng tháng");
  EXPECT_EQ(all[1].recurrence, Recurrence::kMonthly);
  EXPECT_EQ(all[2].text, "khẩn trương");
  EXPECT_EQ(all[2].kind, DeadlineKind::kUrgent);
}

TEST(DeadlineFinderTest, RangeLimitsTheSearchAndSpansPointIntoText) {
  const std::string text = "trước ngày 10/6/2026\nhoàn thành trước ngày 26/5/2026\n";
  const size_t second = text.find("hoàn thành");
  DateContext ctx{.document_date = PartialDate{2026, 5, 0}};
  auto all = Finder().FindAll(text, {second, text.size()}, ctx, MatchMode::kExact);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].due, (PartialDate{2026, 5, 26}));
  EXPECT_EQ(all[0].span.begin, text.find("hoàn thành"));
  EXPECT_EQ(text.substr(all[0].span.begin, all[0].span.size()), all[0].text);
}

struct BindingCase {
  const char* text;
  const char* binding_text;  // "" when Binding gives nothing
};

const BindingCase kBindingCases[] = {
    // A cited date never binds; the completion date does.
    {"triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024; hoàn thành trước ngày 26/5/2026", "hoàn thành trước ngày 26/5/2026"},
    // Dated kinds over urgency, recurrence and ongoing duties.
    {"Khẩn trương rà soát, đánh giá; hoàn thành trong tháng 5/2026", "hoàn thành trong tháng 5/2026"},
    {"có khả năng triển khai ngay, giải ngân ngay để đăng ký. Hoàn thành, báo cáo UBND tỉnh trước ngày 26/5/2026.", "trước ngày 26/5/2026"},
    {"Định kỳ hằng quý tổng hợp, báo cáo; khẩn trương đề xuất", "Định kỳ hằng quý"},
    {"Thường xuyên theo dõi, đôn đốc; khẩn trương báo cáo", "Thường xuyên"},
    {"báo cáo hằng năm, trước ngày 15/12/2026", "trước ngày 15/12/2026"},
    // Several dated ones: the first.
    {"hoàn thành trong tháng 5/2026; báo cáo kết quả trước ngày 10/6/2026", "hoàn thành trong tháng 5/2026"},
    // A meeting date and a plain mention are not candidates at all.
    {"Ngày 20/3/2026, đồng chí Phó Chủ tịch đã chủ trì cuộc họp; trình UBND tỉnh trong tháng 6/2026", "trong tháng 6/2026"},
    {"Ngày 20/3/2026, đồng chí Phó Chủ tịch đã chủ trì cuộc họp", ""},
};

TEST(DeadlineFinderTest, BindingPrefersTheCompletionDeadline) {
  DateContext ctx{.document_date = PartialDate{2026, 5, 0}};
  for (const BindingCase& c : kBindingCases) {
    SCOPED_TRACE(c.text);
    const std::string text = normalize::CanonicalForm(c.text);
    auto all = Finder().FindAll(text, {0, text.size()}, ctx, MatchMode::kExact);
    auto b = DeadlineFinder::Binding(all);
    if (*c.binding_text == '\0') {
      EXPECT_FALSE(b.has_value());
      continue;
    }
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(all[*b].text, c.binding_text);
  }
  EXPECT_FALSE(DeadlineFinder::Binding({}).has_value());
}

struct DateCase {
  const char* text;
  const char* document_date;
  std::vector<std::string> dates;  // ISO, as precise as written; '*' marks an inferred year
};

TEST(DeadlineFinderTest, FindDatesSeesEveryDateMention) {
  const DateCase cases[] = {
      {"Lạng Sơn, ngày 05 tháng 4 năm 2026", "", {"2026-04-05"}},
      {"Lạng Sơn, ngày tháng 5 năm 2026", "", {"2026-05"}},
      {"Lào Cai, ngày        tháng 6 năm 2026", "", {"2026-06"}},
      {"Lào Cai, ngày 10 tháng 01năm 2026", "", {"2026-01-10"}},
      {"Ngày 20/3/2026, đồng chí Đoàn Thanh Sơn đã tổ chức", "", {"2026-03-20"}},
      {"Nghị quyết số 57-NQ/TW ngày 22/12/2024 và Thông báo số 229/TB-VP ngày 05/4/2026", "", {"2024-12-22", "2026-04-05"}},
      {"Kế hoạch số 1105 /KH-ĐKT ngày10 /3/2026 của Đoàn", "", {"2026-03-10"}},
      {"Ngày 21/ 5, UBND tỉnh ban hành", "2019-05", {"2019-05-21*"}},
      {"Ngày 21/ 5, UBND tỉnh ban hành", "", {}},
      {"hoàn thành trong tháng 5/2026", "", {"2026-05"}},
      {"số 264/2025/NĐ-CP, giai đoạn 2026 - 2030, 2/3 số xã", "", {}},
      {"ngày 31/02/2026 không có", "", {}},
      {"Thoi gian ky: 30.12.2022 11:35:17", "", {"2022-12-30"}},
  };
  for (const DateCase& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string text = normalize::CanonicalForm(c.text);
    DateContext ctx{.document_date = Date(c.document_date)};
    auto found = Finder().FindDates(text, {0, text.size()}, ctx, MatchMode::kExact);
    std::vector<std::string> got;
    for (const DateMention& m : found) got.push_back(m.date.ToString() + (m.year_inferred ? "*" : ""));
    EXPECT_EQ(got, c.dates);
  }
}

TEST(DeadlineFinderTest, FindDatesOnFoldedText) {
  const std::string text = "Ha Noi, ngay 30 thang 12 nam 2022; Nghi quyet so 26-NQ/TW ngay 03 thang 11 nam 2022";
  auto found = Finder().FindDates(text, {0, text.size()}, {}, MatchMode::kFolded);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].date, (PartialDate{2022, 12, 30}));
  EXPECT_EQ(found[1].date, (PartialDate{2022, 11, 3}));
  EXPECT_EQ(text.substr(found[0].span.begin, found[0].span.size()), "ngay 30 thang 12 nam 2022");
}

TEST(DeadlineFinderTest, BadRulesFailAtCreate) {
  const ruleset::SourceFile files[] = {
      {"deadlines.toml",
       "[[pattern]]\nname = \"deadline.form.x\"\nregex = '(?P<m>hạn (?P<dday>[0-9]+))'\n"
       "match = [\"hạn 5\"]\n"},
  };
  auto rules = ruleset::RuleSet::LoadFiles(files);
  ASSERT_TRUE(rules) << rules.error().message;
  auto f = DeadlineFinder::Create(rules.value());
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().code, ErrorCode::kRuleSyntax);
  EXPECT_NE(f.error().message.find("dday"), std::string::npos) << f.error().message;

  const ruleset::SourceFile kind[] = {
      {"deadlines.toml",
       "[[pattern]]\nname = \"deadline.form.x\"\nregex = 'hạn'\nattr = { kind = \"soon\" }\n"
       "match = [\"hạn\"]\n"},
  };
  auto rules2 = ruleset::RuleSet::LoadFiles(kind);
  ASSERT_TRUE(rules2);
  auto f2 = DeadlineFinder::Create(rules2.value());
  ASSERT_FALSE(f2);
  EXPECT_NE(f2.error().message.find("soon"), std::string::npos);
}

TEST(DeadlineFinderTest, ANewFormNeedsOnlyARule) {
  // A form the built-in rules lack, added as data: "hạn cuối 30/6/2026".
  const ruleset::SourceFile files[] = {
      {"deadlines.toml",
       "[[pattern]]\nname = \"deadline.form.last_day\"\n"
       "regex = '(?P<m>hạn cuối\\s*(?P<day>[0-9]{1,2})/(?P<month>[0-9]{1,2})/(?P<year>[0-9]{4}))'\n"
       "attr = { before = true }\nmatch = [\"hạn cuối 30/6/2026\"]\n"},
  };
  auto rules = ruleset::RuleSet::LoadFiles(files);
  ASSERT_TRUE(rules) << rules.error().message;
  auto f = DeadlineFinder::Create(rules.value());
  ASSERT_TRUE(f) << f.error().message;
  const std::string text = "nộp hồ sơ, hạn cuối 30/6/2026.";
  auto all = f->FindAll(text, {0, text.size()}, {}, MatchMode::kExact);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].due, (PartialDate{2026, 6, 30}));
  EXPECT_TRUE(all[0].before);
  EXPECT_EQ(all[0].kind, DeadlineKind::kDate);
}

TEST(DeadlineFinderTest, SurvivesHostileInput) {
  const std::string inputs[] = {
      std::string("\xff\xfe trước ngày 99/99/9999 \xc3", 22),
      std::string(5000, '/'),
      "trước ngày 29/02/2025",  // no such day
      "trong 999 ngày làm việc kể từ ngày ký",
      "",
  };
  DateContext ctx{.document_date = PartialDate{2025, 1, 2}};
  for (const std::string& in : inputs) {
    auto all = Finder().FindAll(in, {0, in.size() + 10}, ctx, MatchMode::kExact);
    for (const Deadline& d : all)
      if (d.due) {
        EXPECT_TRUE(dates::IsValid(d.due->year, d.due->month, d.due->day)) << in;
      }
    Finder().FindDates(in, {in.size(), 0}, ctx, MatchMode::kFolded);
  }
  auto none = Finder().FindAll("trước ngày 29/02/2025", {0, 100}, ctx, MatchMode::kExact);
  EXPECT_TRUE(none.empty());
  // One very long line (a PDF text layer without line breaks): every phrase found.
  const std::string phrase = "hoàn thành trước ngày 15/01/2026; ";
  std::string many;
  while (many.size() < 200000) many += phrase;
  auto all = Finder().FindAll(many, {0, many.size()}, ctx, MatchMode::kExact);
  EXPECT_EQ(all.size(), many.size() / phrase.size());
}

}  // namespace
}  // namespace notices::extract
